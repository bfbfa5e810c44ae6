namespace Orleans.Sentiment.Contracts;

/// <summary>
/// Every tenant API key, stored hashed (never the key itself) in grain storage <see cref="Constants.StorageName"/>.
/// One registry for the cluster (key 0): keys change rarely, and each silo caches a snapshot of it.
/// </summary>
[Alias("sentiment.IApiKeyRegistryGrain")]
public interface IApiKeyRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a key record; false when the tenant already holds <see cref="ApiKeyRecord.MaxPerTenant"/> keys.</summary>
    [Alias("Add")]
    Task<bool> AddAsync(ApiKeyRecord record);

    /// <returns>False when the tenant has no key with this id.</returns>
    [Alias("Remove")]
    Task<bool> RemoveAsync(string tenant, string id);

    [Alias("List")]
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string tenant);

    /// <summary>Every key record, or null when nothing changed since <paramref name="knownVersion"/>.</summary>
    [Alias("GetSnapshot")]
    Task<ApiKeySnapshot?> GetSnapshotAsync(long knownVersion);
}

/// <summary>One API key as stored: its public id, its tenant, and the SHA-256 of the whole key.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.ApiKeyRecord")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Tenant,
    [property: Id(2)] byte[] Hash,
    [property: Id(3)] DateTimeOffset CreatedAt)
{
    public const int MaxPerTenant = 100;
}

/// <summary>All key records at one version of the registry.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.ApiKeySnapshot")]
public sealed record ApiKeySnapshot([property: Id(0)] long Version, [property: Id(1)] IReadOnlyList<ApiKeyRecord> Keys);

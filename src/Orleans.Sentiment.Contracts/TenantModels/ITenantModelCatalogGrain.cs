namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>The names of one tenant's models; key: the tenant. Holds the per-tenant model quota.</summary>
[Alias("sentiment.ITenantModelCatalogGrain")]
public interface ITenantModelCatalogGrain : IGrainWithStringKey
{
    /// <summary>Adds the name unless the tenant already holds <paramref name="maxModels"/> others; true when it is listed now.</summary>
    [Alias("TryAdd")]
    Task<bool> TryAddAsync(string model, int maxModels);

    /// <summary>Removes the name (a deleted model), freeing its slot; nothing when it is not listed.</summary>
    [Alias("Remove")]
    Task RemoveAsync(string model);

    /// <summary>The tenant's model names, sorted.</summary>
    [Alias("List")]
    Task<IReadOnlyList<string>> ListAsync();
}

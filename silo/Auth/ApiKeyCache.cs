using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Caching;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// This silo's copy of the key registry, so an authenticated request costs a dictionary lookup, not a grain call.
/// The copy is refreshed when it is older than <see cref="RefreshInterval"/> (a cheap call that returns nothing when
/// the registry did not change), and on an unknown key once it is older than <see cref="MissRefreshInterval"/>, so a
/// key created on another silo works here within about a second. A key revoked on this silo stops working here at
/// once; on other silos within <see cref="RefreshInterval"/>.
/// </summary>
internal sealed partial class ApiKeyCache(IClusterClient cluster, TimeProvider time, ILogger<ApiKeyCache> logger)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MissRefreshInterval = TimeSpan.FromSeconds(1);

    // Unknown ids still pay for one comparison, so timing does not tell them apart from wrong secrets.
    private static readonly byte[] NoHash = new byte[32];

    // Keeps serving the last copy rather than locking everyone out while storage is unreachable.
    private readonly VersionedCopy<IReadOnlyDictionary<string, ApiKeyRecord>> _copy = new(
        async version => await cluster.GetGrain<IApiKeyRegistryGrain>(0).GetSnapshotAsync(version) is { } snapshot
            ? (snapshot.Version, snapshot.Keys.DistinctBy(k => k.Id).ToDictionary(k => k.Id, StringComparer.Ordinal))
            : null,
        time,
        e => LogRefreshFailed(logger, e));

    /// <summary>The key's record when it is a current key, else null.</summary>
    public async ValueTask<ApiKeyRecord?> FindAsync(string key)
    {
        var id = ApiKeyFormat.IdOf(key);
        var hash = ApiKeyFormat.Hash(key);
        var copy = await _copy.GetAsync(RefreshInterval);
        var record = Match(copy.Value, id, hash);
        if (record is null && id is not null && time.GetUtcNow() - copy.FetchedAt > MissRefreshInterval)
        {
            record = Match((await _copy.GetAsync(MissRefreshInterval)).Value, id, hash);
        }

        return record;
    }

    /// <summary>Fetches the registry now; called after this silo adds or revokes a key so the change applies here at once.</summary>
    public async Task RefreshAsync() => await _copy.GetAsync(TimeSpan.Zero, force: true);

    private static ApiKeyRecord? Match(IReadOnlyDictionary<string, ApiKeyRecord> byId, string? id, byte[] hash)
    {
        var record = id is not null && byId.TryGetValue(id, out var found) ? found : null;
        var matches = ApiKeyFormat.Matches(hash, record?.Hash ?? NoHash);
        return matches ? record : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the API key registry; using the last copy")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

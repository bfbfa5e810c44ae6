using Orleans.Sentiment.Contracts;

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

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Entry? _entry;

    /// <summary>The key's record when it is a current key, else null.</summary>
    public async ValueTask<ApiKeyRecord?> FindAsync(string key)
    {
        var id = ApiKeyFormat.IdOf(key);
        var hash = ApiKeyFormat.Hash(key);
        var entry = await CurrentAsync(RefreshInterval);
        var record = Match(entry, id, hash);
        if (record is null && id is not null && time.GetUtcNow() - entry.FetchedAt > MissRefreshInterval)
        {
            record = Match(await CurrentAsync(MissRefreshInterval), id, hash);
        }

        return record;
    }

    /// <summary>Fetches the registry now; called after this silo adds or revokes a key so the change applies here at once.</summary>
    public async Task RefreshAsync() => await CurrentAsync(TimeSpan.Zero, force: true);

    private static ApiKeyRecord? Match(Entry entry, string? id, byte[] hash)
    {
        // Unknown ids still pay for one comparison, so timing does not tell them apart from wrong secrets.
        var record = id is not null && entry.ById.TryGetValue(id, out var found) ? found : null;
        var matches = ApiKeyFormat.Matches(hash, record?.Hash ?? Entry.NoHash);
        return matches ? record : null;
    }

    private async ValueTask<Entry> CurrentAsync(TimeSpan maxAge, bool force = false)
    {
        var entry = _entry;
        if (!force && entry is not null && time.GetUtcNow() - entry.FetchedAt <= maxAge)
        {
            return entry;
        }

        await _refreshing.WaitAsync();
        try
        {
            entry = _entry;
            if (!force && entry is not null && time.GetUtcNow() - entry.FetchedAt <= maxAge)
            {
                return entry;
            }

            var now = time.GetUtcNow();
            try
            {
                var snapshot = await cluster.GetGrain<IApiKeyRegistryGrain>(0).GetSnapshotAsync(entry?.Version ?? -1);
                entry = snapshot is null ? entry! with { FetchedAt = now } : new Entry(snapshot.Version, snapshot.Keys.DistinctBy(k => k.Id).ToDictionary(k => k.Id, StringComparer.Ordinal), now);
            }
            catch (Exception e) when (entry is not null && e is not OperationCanceledException)
            {
                // Keep serving the last copy rather than locking everyone out while storage is unreachable.
                LogRefreshFailed(logger, e);
            }

            _entry = entry;
            return entry;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the API key registry; using the last copy")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    private sealed record Entry(long Version, IReadOnlyDictionary<string, ApiKeyRecord> ById, DateTimeOffset FetchedAt)
    {
        public static readonly byte[] NoHash = new byte[32];
    }
}

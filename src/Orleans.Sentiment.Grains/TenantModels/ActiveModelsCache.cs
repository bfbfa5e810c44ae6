using Microsoft.Extensions.Logging;
using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>
/// This silo's copy of the cluster's serving versions (<see cref="IActiveModelsGrain"/>), so that finding a tenant
/// model's version costs a dictionary lookup, not a grain call per batch. The copy is refreshed when it is older than
/// <see cref="RefreshInterval"/> with a call that returns nothing while the map did not change; a model grain that
/// changes the serving version refreshes the copy of its own silo at once, and other silos follow within the interval.
/// While storage is unreachable the last copy keeps serving.
/// </summary>
public sealed partial class ActiveModelsCache(IGrainFactory grains, TimeProvider time, ILogger<ActiveModelsCache> logger)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Entry? _entry;

    /// <summary>The serving version of "tenant:model", or null when it has none.</summary>
    public async ValueTask<ActiveModel?> FindAsync(string qualifiedName)
    {
        var entry = await CurrentAsync(force: false);
        return entry.Models.GetValueOrDefault(qualifiedName);
    }

    /// <summary>Tenant models with a serving version, as this silo's copy last saw them (0 before its first look).</summary>
    public int KnownServing => _entry?.Models.Count ?? 0;

    /// <summary>Fetches the map now: called on the silo where the serving version changed.</summary>
    public async Task RefreshAsync() => await CurrentAsync(force: true);

    private async ValueTask<Entry> CurrentAsync(bool force)
    {
        var entry = _entry;
        if (!force && entry is not null && time.GetUtcNow() - entry.FetchedAt <= RefreshInterval)
        {
            return entry;
        }

        await _refreshing.WaitAsync();
        try
        {
            entry = _entry;
            if (!force && entry is not null && time.GetUtcNow() - entry.FetchedAt <= RefreshInterval)
            {
                return entry;
            }

            var now = time.GetUtcNow();
            try
            {
                var snapshot = await grains.GetGrain<IActiveModelsGrain>(0).GetSnapshotAsync(entry?.Revision ?? -1);
                entry = snapshot is null ? entry! with { FetchedAt = now } : new Entry(snapshot.Revision, snapshot.Models, now);
            }
            catch (Exception e) when (entry is not null && e is not OperationCanceledException)
            {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the serving versions of tenant models; using the last copy")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    private sealed record Entry(long Revision, IReadOnlyDictionary<string, ActiveModel> Models, DateTimeOffset FetchedAt);
}

using Microsoft.Extensions.Logging;
using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Grains.Caching;

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

    private readonly VersionedCopy<IReadOnlyDictionary<string, ActiveModel>> _copy = new(
        async revision => await grains.GetGrain<IActiveModelsGrain>(0).GetSnapshotAsync(revision) is { } snapshot ? (snapshot.Revision, snapshot.Models) : null,
        time,
        e => LogRefreshFailed(logger, e));

    /// <summary>The serving version of "tenant:model", or null when it has none.</summary>
    public async ValueTask<ActiveModel?> FindAsync(string qualifiedName) =>
        (await _copy.GetAsync(RefreshInterval)).Value.GetValueOrDefault(qualifiedName);

    /// <summary>Tenant models with a serving version, as this silo's copy last saw them (0 before its first look).</summary>
    public int KnownServing => _copy.Last?.Value.Count ?? 0;

    /// <summary>Fetches the map now: called on the silo where the serving version changed.</summary>
    public async Task RefreshAsync() => await _copy.GetAsync(RefreshInterval, force: true);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the serving versions of tenant models; using the last copy")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>
/// The serving version of every tenant model, kept in storage so that a restarted cluster serves what it served.
/// One entry per model with a serving version (a few dozen bytes each), so the whole map is a small state.
/// </summary>
public sealed class ActiveModelsGrain(
    [PersistentState("activemodels", Constants.StorageName)] IPersistentState<ActiveModelsState> state) : Grain, IActiveModelsGrain
{
    public async Task SetAsync(string qualifiedName, ActiveModel? active)
    {
        var models = state.State.Models;
        if (active is null ? !models.Remove(qualifiedName) : models.TryGetValue(qualifiedName, out var known) && Same(known, active))
        {
            return;
        }

        if (active is not null)
        {
            models[qualifiedName] = active;
        }

        state.State.Revision++;
        await state.WriteStateAsync();
    }

    public Task<ActiveModelsSnapshot?> GetSnapshotAsync(long knownRevision) => Task.FromResult(
        knownRevision == state.State.Revision ? null : new ActiveModelsSnapshot(state.State.Revision, new Dictionary<string, ActiveModel>(state.State.Models)));

    private static bool Same(ActiveModel a, ActiveModel b) =>
        a.VersionId == b.VersionId && a.BaseModel == b.BaseModel && a.MultiLabel == b.MultiLabel && a.Labels.SequenceEqual(b.Labels);
}

[GenerateSerializer, Alias("sentiment.ActiveModelsState")]
public sealed class ActiveModelsState
{
    /// <summary>Bumped on every change, so silos fetch the map only when it changed.</summary>
    [Id(0)]
    public long Revision { get; set; }

    [Id(1)]
    public Dictionary<string, ActiveModel> Models { get; set; } = new(StringComparer.Ordinal);
}

using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>The bytes of one version's artifact, in a state of their own: written once, read by silos that serve it.</summary>
public sealed class ModelArtifactGrain(
    [PersistentState("artifact", Constants.StorageName)] IPersistentState<ModelArtifactState> state) : Grain, IModelArtifactGrain
{
    public async Task StoreAsync(IReadOnlyDictionary<string, byte[]> files)
    {
        // Immutable: a repeated completion (a retried call) stores nothing new.
        if (state.State.Files.Count > 0)
        {
            return;
        }

        state.State.Files = new Dictionary<string, byte[]>(files, StringComparer.Ordinal);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyDictionary<string, byte[]>?> LoadAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, byte[]>?>(state.State.Files.Count == 0 ? null : state.State.Files);

    public async Task DeleteAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State.Files = [];
        DeactivateOnIdle();
    }
}

[GenerateSerializer, Alias("sentiment.ModelArtifactState")]
public sealed class ModelArtifactState
{
    [Id(0)]
    public Dictionary<string, byte[]> Files { get; set; } = [];
}

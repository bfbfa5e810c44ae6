using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>One tenant's model names: the list routes show and the model quota counts.</summary>
public sealed class TenantModelCatalogGrain(
    [PersistentState("models", Constants.StorageName)] IPersistentState<TenantModelCatalogState> state) : Grain, ITenantModelCatalogGrain
{
    public async Task<bool> TryAddAsync(string model, int maxModels)
    {
        if (state.State.Models.Contains(model))
        {
            return true;
        }

        if (state.State.Models.Count >= maxModels)
        {
            return false;
        }

        state.State.Models.Add(model);
        await state.WriteStateAsync();
        return true;
    }

    public async Task RemoveAsync(string model)
    {
        if (state.State.Models.Remove(model))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.Models.Order(StringComparer.Ordinal)]);
}

[GenerateSerializer, Alias("sentiment.TenantModelCatalogState")]
public sealed class TenantModelCatalogState
{
    [Id(0)]
    public HashSet<string> Models { get; set; } = new(StringComparer.Ordinal);
}

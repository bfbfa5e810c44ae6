using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>Up to <see cref="ExamplesGrain.PageSize"/> examples in one stored state.</summary>
public sealed class ExamplePageGrain(
    [PersistentState("examples", Constants.StorageName)] IPersistentState<ExamplePageState> state) : Grain, IExamplePageGrain
{
    public async Task AppendAsync(int indexedCount, IReadOnlyList<StoredExample> examples)
    {
        var rows = state.State.Examples;
        if (rows.Count > indexedCount)
        {
            rows.RemoveRange(indexedCount, rows.Count - indexedCount);
        }

        rows.AddRange(examples);
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<StoredExample>> ReadAsync() => Task.FromResult<IReadOnlyList<StoredExample>>([.. state.State.Examples]);

    public async Task<bool> RemoveAsync(string id)
    {
        if (state.State.Examples.RemoveAll(e => e.Id == id) == 0)
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public async Task ClearAsync()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State.Examples = [];
        DeactivateOnIdle();
    }
}

[GenerateSerializer, Alias("sentiment.ExamplePageState")]
public sealed class ExamplePageState
{
    [Id(0)]
    public List<StoredExample> Examples { get; set; } = [];
}

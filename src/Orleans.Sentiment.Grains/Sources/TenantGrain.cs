using Orleans.Runtime;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>The set of sources a tenant has sent comments to.</summary>
public sealed class TenantGrain([PersistentState("tenant", Constants.StorageName)] IPersistentState<TenantState> state) : Grain, ITenantGrain
{
    public async Task RegisterSourceAsync(string source)
    {
        if (state.State.Sources.Add(source))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> GetSourcesAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Sources.Order(StringComparer.Ordinal).ToArray());
}

[GenerateSerializer, Alias("sentiment.TenantState")]
public sealed class TenantState
{
    [Id(0)]
    public HashSet<string> Sources { get; set; } = new(StringComparer.Ordinal);
}

using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.DeadLetters;

/// <summary>
/// A tenant's dead letters: accepted comments that could not be classified, with the reason. A comment dead-lettered
/// twice (a redelivery after a crash) is stored once. Bounded by Sentiment:DeadLetterMaxBytesPerTenant.
/// </summary>
public sealed class DeadLetterGrain(
    [PersistentState("deadletters", Constants.StorageName)] IPersistentState<DeadLetterState> state,
    IOptions<SentimentOptions> options) : Grain, IDeadLetterGrain
{
    public async Task AddAsync(IReadOnlyList<DeadLetter> letters)
    {
        if (state.State.Store.Add(letters, options.Value.DeadLetterMaxBytesPerTenant) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<DeadLetterPage> GetAsync(int limit) =>
        Task.FromResult(new DeadLetterPage(state.State.Store.Total, state.State.Store.Newest(limit)));
}

[GenerateSerializer, Alias("sentiment.DeadLetterState")]
public sealed class DeadLetterState
{
    [Id(0)]
    public DeadLetterStore Store { get; set; } = new();
}

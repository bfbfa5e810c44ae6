namespace Orleans.Sentiment.Contracts;

/// <summary>A tenant's dead-letter store; key "{tenant}". Bounded in bytes: the oldest entries go first.</summary>
[Alias("sentiment.IDeadLetterGrain")]
public interface IDeadLetterGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(IReadOnlyList<DeadLetter> letters);

    [Alias("Get")]
    Task<DeadLetterPage> GetAsync(int limit);
}

using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>One page of a model's examples; key "{tenant}/{model}/{page}". Only its <see cref="ExamplesGrain"/> calls it.</summary>
[Alias("sentiment.IExamplePageGrain")]
public interface IExamplePageGrain : IGrainWithStringKey
{
    /// <summary>
    /// Appends after the first <paramref name="indexedCount"/> rows, the ones the index counts: rows past them are
    /// left over from an append whose index write failed, never acknowledged, and are dropped.
    /// </summary>
    [Alias("Append")]
    Task AppendAsync(int indexedCount, IReadOnlyList<StoredExample> examples);

    [Alias("Read")]
    Task<IReadOnlyList<StoredExample>> ReadAsync();

    /// <summary>Removes the example; false when the page has none with this id.</summary>
    [Alias("Remove")]
    Task<bool> RemoveAsync(string id);

    [Alias("Clear")]
    Task ClearAsync();
}

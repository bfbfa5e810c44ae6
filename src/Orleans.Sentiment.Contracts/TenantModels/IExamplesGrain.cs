namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>
/// The labelled examples and corrections of one tenant model; key "{tenant}/{model}". Rows live in pages of their own
/// grains, so an append rewrites only the last page. Callers check texts and labels against the model first.
/// </summary>
[Alias("sentiment.IExamplesGrain")]
public interface IExamplesGrain : IGrainWithStringKey
{
    /// <summary>Appends all of them, or none when that would pass <paramref name="maxExamples"/>.</summary>
    [Alias("Add")]
    Task<AddExamplesOutcome> AddAsync(IReadOnlyList<NewExample> examples, int maxExamples);

    /// <summary>Up to <paramref name="limit"/> examples from position <paramref name="offset"/>, oldest first, and the total.</summary>
    [Alias("List")]
    Task<ExamplesPage> ListAsync(int offset, int limit);

    /// <summary>Every example, oldest first: what a training job trains on.</summary>
    [Alias("ReadAll")]
    Task<IReadOnlyList<StoredExample>> ReadAllAsync();

    /// <summary>Removes every example; answers how many there were.</summary>
    [Alias("DeleteAll")]
    Task<int> DeleteAllAsync();

    /// <summary>Removes one example; false when there is none with this id.</summary>
    [Alias("Delete")]
    Task<bool> DeleteAsync(string id);
}

/// <summary>An example to add: its text, its labels (one unless the model is multi-label), and whether it corrects a prediction.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.NewExample")]
public sealed record NewExample([property: Id(0)] string Text, [property: Id(1)] IReadOnlyList<string> Labels, [property: Id(2)] bool IsCorrection);

[GenerateSerializer, Immutable, Alias("sentiment.AddExamplesOutcome")]
public sealed record AddExamplesOutcome(
    [property: Id(0)] bool Added,
    [property: Id(1)] int Total,
    [property: Id(2)] IReadOnlyList<string> Ids,
    [property: Id(3)] string? Refusal);

[GenerateSerializer, Immutable, Alias("sentiment.ExamplesPage")]
public sealed record ExamplesPage([property: Id(0)] int Total, [property: Id(1)] IReadOnlyList<StoredExample> Examples);

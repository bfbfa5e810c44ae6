namespace Orleans.Sentiment.Contracts;

/// <summary>
/// A theme behind a spike: its distinctive words, how many of the label's recent comments it holds and their share, and
/// the ids (and, only when the policy says <c>includeExamples</c>, the texts) of the comments nearest its centre.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.AlertTheme")]
public sealed record AlertTheme(
    [property: Id(0)] string Name,
    [property: Id(1)] int Count,
    [property: Id(2)] double Share,
    [property: Id(3)] IReadOnlyList<string> ExampleIds,
    [property: Id(4)] IReadOnlyList<string> Examples);

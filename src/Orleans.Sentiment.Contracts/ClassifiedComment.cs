using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Languages;

namespace Orleans.Sentiment.Contracts;

/// <summary>A comment with every configured model's prediction, keyed by model name.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.ClassifiedComment")]
public sealed record ClassifiedComment(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset Timestamp,
    [property: Id(3)] IReadOnlyDictionary<string, Prediction> Predictions,
    [property: Id(4)] string WindowLabel,
    [property: Id(5)] bool IsNegative)
{
    /// <summary>The comment's language, when it was identified.</summary>
    [Id(6)]
    public DetectedLanguage? Language { get; init; }
}

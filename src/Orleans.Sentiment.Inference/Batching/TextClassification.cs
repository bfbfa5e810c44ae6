using Orleans.Sentiment.Inference.Languages;

namespace Orleans.Sentiment.Inference;

/// <summary>
/// The outcome for one text: every model's prediction, or why the models failed on this text alone (the
/// text was retried by itself, so the failure is its own and not a batch neighbour's). The reason never
/// quotes the text.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.ClassificationResult")]
public sealed record TextClassification(
    [property: Id(0)] IReadOnlyDictionary<string, Prediction>? Predictions,
    [property: Id(1)] string? Failure)
{
    /// <summary>The text's language, when it was identified.</summary>
    [Id(2)]
    public DetectedLanguage? Language { get; init; }

    public bool Succeeded => Predictions is not null;

    public static TextClassification Success(IReadOnlyDictionary<string, Prediction> predictions) => new(predictions, null);

    public static TextClassification Failed(string reason) => new(null, reason);
}

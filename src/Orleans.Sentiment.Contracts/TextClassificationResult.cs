namespace Orleans.Sentiment.Contracts;

/// <summary>
/// The classifier's outcome for one text: every model's prediction, or the reason the models failed on this
/// text alone (it was retried by itself, so its batch neighbours are unaffected). The reason never quotes the
/// text; callers dead-letter the text with it.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.TextClassificationResult")]
public sealed record TextClassificationResult(
    [property: Id(0)] IReadOnlyDictionary<string, ModelPrediction>? Predictions,
    [property: Id(1)] string? Failure)
{
    public bool Succeeded => Predictions is not null;
}

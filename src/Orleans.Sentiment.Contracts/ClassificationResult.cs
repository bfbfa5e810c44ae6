namespace Orleans.Sentiment.Contracts;

/// <summary>
/// One text's outcome: every model's prediction, or why the text could not be classified. A failing text never
/// fails its batch neighbours; its caller dead-letters it with <see cref="Error"/> as the reason.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.ClassificationResult")]
public sealed record ClassificationResult(
    [property: Id(0)] IReadOnlyDictionary<string, ModelPrediction>? Predictions,
    [property: Id(1)] string? Error)
{
    public bool Succeeded => Predictions is not null;

    public static ClassificationResult Success(IReadOnlyDictionary<string, ModelPrediction> predictions) => new(predictions, null);

    public static ClassificationResult Failure(string error) => new(null, error);
}

namespace Orleans.Sentiment.Contracts;

/// <summary>Stateless classification: every configured model's prediction for each text, in input order.</summary>
[Alias("sentiment.IClassifierGrain")]
public interface IClassifierGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Predictions for every text; throws <see cref="ClassificationFailedException"/> when the models fail on
    /// any text (use <see cref="ClassifyEachAsync"/> to keep the others).
    /// </summary>
    [Alias("Classify")]
    Task<IReadOnlyList<IReadOnlyDictionary<string, ModelPrediction>>> ClassifyAsync(IReadOnlyList<string> texts);

    /// <summary>
    /// One outcome per text, in input order: a text the models fail on gets a failure reason and does not fail
    /// its neighbours. The whole call throws only when nothing could be attempted: the silo's inference queue
    /// is full (Inference:MaxQueuedTexts; retry later, HTTP 503) or the call timed out (Inference:CallTimeout).
    /// </summary>
    [Alias("ClassifyEach")]
    Task<IReadOnlyList<TextClassificationResult>> ClassifyEachAsync(IReadOnlyList<string> texts);
}

namespace Orleans.Sentiment.Contracts;

/// <summary>Stateless classification: every configured model's prediction for each text, in input order.</summary>
[Alias("sentiment.IClassifierGrain")]
public interface IClassifierGrain : IGrainWithIntegerKey
{
    /// <summary>Predictions for every text; throws when none could be classified (e.g. the models are not loaded).</summary>
    [Alias("Classify")]
    Task<IReadOnlyList<IReadOnlyDictionary<string, ModelPrediction>>> ClassifyAsync(IReadOnlyList<string> texts);

    /// <summary>One outcome per text: a text that makes a model fail is reported alone, its neighbours still succeed.</summary>
    [Alias("ClassifyEach")]
    Task<IReadOnlyList<ClassificationResult>> ClassifyEachAsync(IReadOnlyList<string> texts);
}

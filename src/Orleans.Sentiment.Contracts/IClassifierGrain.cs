namespace Orleans.Sentiment.Contracts;

/// <summary>Stateless classification: every configured model's prediction for each text, in input order.</summary>
[Alias("sentiment.IClassifierGrain")]
public interface IClassifierGrain : IGrainWithIntegerKey
{
    [Alias("Classify")]
    Task<IReadOnlyList<IReadOnlyDictionary<string, ModelPrediction>>> ClassifyAsync(IReadOnlyList<string> texts);
}

using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Contracts;

/// <summary>
/// Stateless classification: every configured model's prediction for each text, in input order. Each call names the
/// tenant it is made for, and the silo's model queue is shared fairly between tenants.
/// </summary>
[Alias("sentiment.IClassifierGrain")]
public interface IClassifierGrain : IGrainWithIntegerKey
{
    /// <summary>Predictions for every text; throws when none could be classified (e.g. the models are not loaded).</summary>
    /// <param name="tenant">Whose share of the model queue the texts use; empty for callers without a tenant.</param>
    /// <param name="texts">The texts, in order.</param>
    [Alias("Classify")]
    Task<IReadOnlyList<IReadOnlyDictionary<string, Prediction>>> ClassifyAsync(string tenant, IReadOnlyList<string> texts);

    /// <summary>One outcome per text: a text that makes a model fail is reported alone, its neighbours still succeed.</summary>
    /// <param name="tenant">Whose share of the model queue the texts use.</param>
    /// <param name="texts">The texts, in order.</param>
    [Alias("ClassifyEach")]
    Task<IReadOnlyList<TextClassification>> ClassifyEachAsync(string tenant, IReadOnlyList<string> texts);
}

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

    /// <summary>
    /// One outcome per text from the named models: the silo's configured models by name ("sentiment", "category") and
    /// tenant models as "tenant:model", whose tenant part must equal <paramref name="tenant"/> (else ArgumentException).
    /// Predictions are keyed by model name (tenant models by their qualified name); a tenant model with no active
    /// version gives a per-text failure naming it.
    /// </summary>
    /// <param name="tenant">Whose share of the model queue the texts use, and whose tenant models they may name.</param>
    /// <param name="texts">The texts, in order.</param>
    /// <param name="models">The models to run on every text.</param>
    [Alias("ClassifyWith")]
    Task<IReadOnlyList<TextClassification>> ClassifyWithAsync(string tenant, IReadOnlyList<string> texts, IReadOnlyList<string> models);

    /// <summary>
    /// A source's comments: one outcome per text, with its language, from <paramref name="models"/> (null: every configured
    /// model; names as for <see cref="ClassifyWithAsync"/>). A model labels only the texts in languages it reads, unless
    /// <paramref name="anyLanguage"/>; the others get its <c>unsupported_language</c> prediction.
    /// </summary>
    [Alias("ClassifyComments")]
    Task<IReadOnlyList<TextClassification>> ClassifyCommentsAsync(string tenant, IReadOnlyList<string> texts, IReadOnlyList<string>? models, bool anyLanguage);
}

using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Contracts;

/// <summary>
/// Stateless classification: each model's prediction for each text, in input order. Each call names the
/// tenant it is made for, and the silo's model queue is shared fairly between tenants.
/// </summary>
[Alias("sentiment.IClassifierGrain")]
public interface IClassifierGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// One outcome per text, with its language: a text that makes a model fail is reported alone, its neighbours still
    /// succeed. The models are <paramref name="models"/>, or every configured model when null: the silo's configured
    /// models by name ("sentiment", "category") and tenant models as "tenant:model", whose tenant part must equal
    /// <paramref name="tenant"/> (else ArgumentException); a tenant model with no active version gives a per-text failure
    /// naming it. Predictions are keyed by model name (tenant models by their qualified name). A model labels only the
    /// texts in languages it reads, unless <paramref name="anyLanguage"/>; the others get its <c>unsupported_language</c>
    /// prediction. Models still loading (or failed to load) is the silo's state, not the texts' fault: that throws, and the
    /// caller retries.
    /// </summary>
    /// <param name="tenant">Whose share of the model queue the texts use, and whose tenant models they may name; empty for callers without a tenant.</param>
    /// <param name="texts">The texts, in order.</param>
    /// <param name="models">The models to run on every text; null: every configured model.</param>
    /// <param name="anyLanguage">Every model labels every text, whatever its language.</param>
    [Alias("ClassifyInLanguages")]
    Task<IReadOnlyList<TextClassification>> ClassifyAsync(string tenant, IReadOnlyList<string> texts, IReadOnlyList<string>? models, bool anyLanguage);

    /// <summary>
    /// Each text's sentence embedding from the silo's sentence encoder (<c>Themes:SentenceModel</c>), in input order, for
    /// grouping comments into themes. Throws when the encoder cannot be opened or the queue cannot take the texts.
    /// </summary>
    /// <param name="tenant">Whose share of the model queue the texts use.</param>
    /// <param name="texts">The texts, in order.</param>
    [Alias("EmbedSentences")]
    Task<IReadOnlyList<float[]>> EmbedAsync(string tenant, IReadOnlyList<string> texts);
}

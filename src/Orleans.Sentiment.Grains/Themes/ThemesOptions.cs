using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.Themes;

/// <summary>
/// Section <c>Themes</c>: how a source groups its recent comments into themes. Each source keeps the text, labels and
/// one embedding (half precision, about 1 KB with MiniLM) of its last <see cref="MaxComments"/> classified comments in
/// memory; not stored, so a restarted source finds themes again as comments arrive.
/// </summary>
public sealed class ThemesOptions : IValidatableObject
{
    public const string Section = "Themes";

    /// <summary>Embed each grouped comment with the bare sentence encoder <see cref="SentenceModel"/>, once, when themes are first asked for it.</summary>
    public const string SentenceEmbedding = "sentence";

    /// <summary>Use the pooled vector the classification call returned with the logits: no model work beyond classifying.</summary>
    public const string ClassifierEmbedding = "classifier";

    /// <summary>Comments per source kept for themes; 0 turns themes off.</summary>
    [Range(0, 20_000, ErrorMessage = "Themes:MaxComments must be between {1} and {2}.")]
    public int MaxComments { get; set; } = 1000;

    /// <summary>Fewest comments of a label that are grouped; fewer are answered "not enough comments" rather than noise.</summary>
    [Range(5, 10_000, ErrorMessage = "Themes:MinComments must be between {1} and {2}.")]
    public int MinComments { get; set; } = 30;

    /// <summary>Most themes one label is grouped into (small ones gather in "other").</summary>
    [Range(2, 50, ErrorMessage = "Themes:MaxThemes must be between {1} and {2}.")]
    public int MaxThemes { get; set; } = 15;

    /// <summary>
    /// Which vector a comment is grouped by: <c>sentence</c> (default) or <c>classifier</c>. A sentiment fine-tune keeps
    /// little of the topic in its pooled vector, so grouping by it agrees far less with what comments are about
    /// (docs/themes.md); the sentence encoder costs one encoder pass per grouped comment, paid when themes are asked for.
    /// </summary>
    public string Embedding { get; set; } = SentenceEmbedding;

    /// <summary>The sentence encoder: a base-model reference as <c>train --base</c> takes it (built-in, folder or hub id).</summary>
    public string SentenceModel { get; set; } = "builtin:minilm";

    /// <summary>
    /// How much a comment's words weigh against its embedding when grouping; unset: 1 with the sentence encoder, 3 with
    /// the classifier's vector, whose topic is weaker (docs/themes.md).
    /// </summary>
    [Range(0.0, 20.0, ErrorMessage = "Themes:WordWeight must be between {1} and {2}.")]
    public double? WordWeight { get; set; }

    /// <summary>Themes carried by a spike alert (with their counts).</summary>
    [Range(0, 10, ErrorMessage = "Themes:AlertThemes must be between {1} and {2}.")]
    public int AlertThemes { get; set; } = 3;

    public bool UsesSentenceEncoder => string.Equals(Embedding, SentenceEmbedding, StringComparison.OrdinalIgnoreCase);

    public double ResolvedWordWeight => WordWeight ?? (UsesSentenceEncoder ? 1 : 3);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesSentenceEncoder && !string.Equals(Embedding, ClassifierEmbedding, StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Themes:Embedding is '{Embedding}'; use {SentenceEmbedding} or {ClassifierEmbedding}.", [nameof(Embedding)]);
        }

        if (string.IsNullOrWhiteSpace(SentenceModel))
        {
            yield return new ValidationResult("Themes:SentenceModel must name a base model: builtin:minilm, a model folder or a hub id (org/name).", [nameof(SentenceModel)]);
        }
    }
}

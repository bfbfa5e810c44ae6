using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Inference;

/// <summary>One model's answer for one text.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Score">Probability of <paramref name="Label"/>.</param>
/// <param name="Scores">Probability of every label (softmax, or sigmoid for multi-label models).</param>
/// <param name="Logits">Raw model outputs, in label-id order, for comparison with other runtimes.</param>
/// <param name="TokenCount">Tokens fed to the model, special tokens included.</param>
/// <param name="Embedding">
/// The text's sentence embedding from the same model call (<see cref="ClassifierGraphOutputs.MeanPooled"/>, not
/// normalised), or null when the model's graph has none. Kept out of every JSON shape and out of stored state: it is for
/// the silo's own use (grouping comments), about 1.5 KB per text for MiniLM.
/// </param>
/// <remarks>Its alias and field ids are those of the grain contract's former prediction type, which stored comments hold.</remarks>
[GenerateSerializer, Immutable, Alias("sentiment.ModelPrediction")]
public sealed record Prediction(
    [property: Id(0)] string Label,
    [property: Id(1)] float Score,
    [property: Id(2)] IReadOnlyDictionary<string, float> Scores,
    [property: Id(3)] float[] Logits,
    [property: Id(4)] int TokenCount,
    [property: Id(5), JsonIgnore] float[]? Embedding = null)
{
    /// <summary>The label of a model that was not run because the comment's language is not one it reads.</summary>
    public const string UnsupportedLanguageLabel = "unsupported_language";

    /// <summary>Stands for a model that did not label a comment in a language it does not read: no scores, no tokens.</summary>
    public static Prediction UnsupportedLanguage { get; } = new(UnsupportedLanguageLabel, 0, new Dictionary<string, float>(), [], 0);

    /// <summary>A pass that labels nothing and gives only the text's sentence embedding (a bare encoder's).</summary>
    public static Prediction EmbeddingOnly(float[] embedding, int tokenCount) => new("", 0, new Dictionary<string, float>(), [], tokenCount, embedding);

    public bool IsUnsupportedLanguage => Label == UnsupportedLanguageLabel && TokenCount == 0;
}

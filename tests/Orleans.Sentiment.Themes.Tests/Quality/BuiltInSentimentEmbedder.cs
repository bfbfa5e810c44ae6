using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.BuiltIn;

namespace Orleans.Sentiment.Themes.Tests.Quality;

/// <summary>
/// The sentence embeddings a source actually groups: those the built-in sentiment model (MiniLM with its LoRA adapter
/// merged) returns with its logits, built into a temporary cache.
/// </summary>
internal sealed class BuiltInSentimentEmbedder : ITextEmbedder
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "themes-builtin-" + Guid.NewGuid().ToString("N"));
    private readonly OnnxTextClassifier _model;

    public BuiltInSentimentEmbedder() =>
        _model = OnnxTextClassifier.Load(BuiltInModels.SentimentModelName, BuiltInModels.EnsureBuilt(_cache).Sentiment);

    public float[][] Embed(IReadOnlyList<string> texts) => [.. _model.Classify(texts).Select(p => p.Embedding!)];

    public void Dispose()
    {
        _model.Dispose();
        Directory.Delete(_cache, recursive: true);
    }
}

/// <summary>Sentence embeddings of raw texts.</summary>
internal interface ITextEmbedder : IDisposable
{
    float[][] Embed(IReadOnlyList<string> texts);
}

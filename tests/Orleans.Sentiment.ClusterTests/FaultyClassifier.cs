using System.Runtime.CompilerServices;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.ClusterTests;

/// <summary>
/// Wraps the fixture's model with failures a real deployment meets: a text with "poison" makes the model throw (as a
/// malformed input can), and a text with "unavailable" times out like an overloaded classifier. The model is fed token
/// ids, so each encoding remembers the text it came from. Every prediction carries an embedding, as the project's own
/// transformer models give one (the lexicon model has none).
/// </summary>
internal sealed class FaultyClassifier(ITextClassifier inner) : ITextClassifier
{
    private readonly ConditionalWeakTable<int[], string> _texts = [];

    public string Name => inner.Name;

    public IReadOnlyList<string> Labels => inner.Labels;

    public string TokenizerKey => inner.TokenizerKey;

    public int[] Encode(string text)
    {
        var ids = inner.Encode(text);
        _texts.AddOrUpdate(ids, text);
        return ids;
    }

    public IReadOnlyList<Prediction> Run(IReadOnlyList<int[]> batch)
    {
        var texts = batch.Select(ids => _texts.TryGetValue(ids, out var text) ? text : "").ToList();
        if (texts.Any(t => t.Contains("poison", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("The model rejected an input.");
        }

        if (texts.Any(t => t.Contains("unavailable", StringComparison.Ordinal)))
        {
            throw new TimeoutException("The classifier did not answer in time.");
        }

        return [.. inner.Run(batch).Select(p => p with { Embedding = [p.Score, 1f - p.Score] })];
    }

    public void Dispose() => inner.Dispose();
}

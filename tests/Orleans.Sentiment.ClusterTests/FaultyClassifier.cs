using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.ClusterTests;

/// <summary>
/// Wraps the fixture's model with failures a real deployment meets: a text with "poison" makes the model throw (as a
/// malformed input can), and a text with "unavailable" times out like an overloaded classifier.
/// </summary>
internal sealed class FaultyClassifier(ITextClassifier inner) : ITextClassifier
{
    public string Name => inner.Name;

    public IReadOnlyList<string> Labels => inner.Labels;

    public int CountTokens(string text) => inner.CountTokens(text);

    public IReadOnlyList<Prediction> Classify(IReadOnlyList<string> texts)
    {
        if (texts.Any(t => t.Contains("poison", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException("The model rejected an input.");
        }

        if (texts.Any(t => t.Contains("unavailable", StringComparison.Ordinal)))
        {
            throw new TimeoutException("The classifier did not answer in time.");
        }

        return inner.Classify(texts);
    }

    public void Dispose() => inner.Dispose();
}

using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Training.Compact;

/// <summary>
/// The learned weights: an embedding table (tokens then bigram buckets), averaged over a text's features, and a
/// linear layer to one logit per label.
/// </summary>
public sealed class CompactModel
{
    public CompactModel(IReadOnlyList<string> vocabulary, IReadOnlyList<string> labels, ProblemType problemType, int dimensions, int bigramBuckets)
    {
        Vocabulary = vocabulary;
        Labels = labels;
        ProblemType = problemType;
        Dimensions = dimensions;
        BigramBuckets = bigramBuckets;
        Embeddings = new float[(vocabulary.Count + bigramBuckets) * dimensions];
        OutputWeights = new float[labels.Count * dimensions];
        OutputBias = new float[labels.Count];
    }

    public IReadOnlyList<string> Vocabulary { get; }

    public IReadOnlyList<string> Labels { get; }

    public ProblemType ProblemType { get; }

    public int Dimensions { get; }

    public int BigramBuckets { get; }

    /// <summary>Rows of <see cref="Dimensions"/> floats: token ids first, then bigram buckets.</summary>
    public float[] Embeddings { get; }

    /// <summary>Label-major: row <c>c</c> holds the weights of label <c>c</c>.</summary>
    public float[] OutputWeights { get; }

    public float[] OutputBias { get; }

    /// <summary>Averages the feature rows into <paramref name="hidden"/>.</summary>
    public void Hidden(ReadOnlySpan<int> rows, Span<float> hidden)
    {
        hidden.Clear();
        foreach (var row in rows)
        {
            var vector = Embeddings.AsSpan(row * Dimensions, Dimensions);
            for (var d = 0; d < hidden.Length; d++)
            {
                hidden[d] += vector[d];
            }
        }

        var scale = 1f / Math.Max(1, rows.Length);
        for (var d = 0; d < hidden.Length; d++)
        {
            hidden[d] *= scale;
        }
    }

    public void Logits(ReadOnlySpan<float> hidden, Span<float> logits)
    {
        for (var c = 0; c < logits.Length; c++)
        {
            var weights = OutputWeights.AsSpan(c * Dimensions, Dimensions);
            var sum = OutputBias[c];
            for (var d = 0; d < hidden.Length; d++)
            {
                sum += weights[d] * hidden[d];
            }

            logits[c] = sum;
        }
    }

    /// <summary>Logits of one encoded text, as the exported graph computes them.</summary>
    public float[] Logits(ReadOnlySpan<int> tokenIds)
    {
        var hidden = new float[Dimensions];
        var logits = new float[Labels.Count];
        Hidden(FeatureHashing.Rows(tokenIds, Vocabulary.Count, BigramBuckets), hidden);
        Logits(hidden, logits);
        return logits;
    }

    public CompactModel Clone()
    {
        var copy = new CompactModel(Vocabulary, Labels, ProblemType, Dimensions, BigramBuckets);
        Embeddings.CopyTo(copy.Embeddings, 0);
        OutputWeights.CopyTo(copy.OutputWeights, 0);
        OutputBias.CopyTo(copy.OutputBias, 0);
        return copy;
    }
}

namespace Orleans.Sentiment.Training.Compact;

/// <summary>
/// Maps token ids to rows of the embedding table: each token id is its own row, and each pair of adjacent
/// tokens goes to row <c>vocabularySize + (left * Multiplier + right) mod buckets</c>. The ONNX graph does the
/// same int64 arithmetic, so training and serving see identical features.
/// </summary>
public static class FeatureHashing
{
    /// <summary>An odd prime; with ids below 2^24 the product stays far inside int64.</summary>
    public const long Multiplier = 1_000_003;

    public static int BigramRow(int left, int right, int vocabularySize, int buckets) =>
        vocabularySize + (int)(((left * Multiplier) + right) % buckets);

    /// <summary>Feature rows of one encoded text (special tokens included, no padding).</summary>
    public static int[] Rows(ReadOnlySpan<int> ids, int vocabularySize, int buckets)
    {
        var bigrams = buckets > 0 ? Math.Max(0, ids.Length - 1) : 0;
        var rows = new int[ids.Length + bigrams];
        ids.CopyTo(rows);
        for (var i = 0; i < bigrams; i++)
        {
            rows[ids.Length + i] = BigramRow(ids[i], ids[i + 1], vocabularySize, buckets);
        }

        return rows;
    }
}

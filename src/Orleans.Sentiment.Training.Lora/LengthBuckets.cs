namespace Orleans.Sentiment.Training.Lora;

/// <summary>
/// Seeded, length-bucketed batches: the examples are shuffled, cut into chunks of 50 batches, each chunk sorted by
/// length and split into batches, and the batches shuffled, so padding stays small without ordering the epoch by length.
/// </summary>
internal static class LengthBuckets
{
    private const int BatchesPerChunk = 50;

    public static List<TokenizedExample[]> Batches(IReadOnlyList<TokenizedExample> examples, int batchSize, Random random)
    {
        var order = examples.ToArray();
        random.Shuffle(order);
        var batches = new List<TokenizedExample[]>();
        var chunk = batchSize * BatchesPerChunk;
        for (var start = 0; start < order.Length; start += chunk)
        {
            var sorted = order[start..Math.Min(order.Length, start + chunk)].OrderBy(e => e.Ids.Length).ThenBy(e => e.Index).ToArray();
            for (var b = 0; b < sorted.Length; b += batchSize)
            {
                batches.Add(sorted[b..Math.Min(sorted.Length, b + batchSize)]);
            }
        }

        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled];
    }

    /// <summary>Batches in length order, for scoring (no shuffling, results mapped back by index).</summary>
    public static IEnumerable<TokenizedExample[]> Sorted(IReadOnlyList<TokenizedExample> examples, int batchSize)
    {
        var sorted = examples.OrderBy(e => e.Ids.Length).ThenBy(e => e.Index).ToArray();
        for (var b = 0; b < sorted.Length; b += batchSize)
        {
            yield return sorted[b..Math.Min(sorted.Length, b + batchSize)];
        }
    }
}

namespace Orleans.Sentiment.Training.Data;

/// <summary>
/// Splits examples into a kept part and a held-out part, taking the same fraction of every label (the first
/// label of multi-label examples) with a seeded shuffle, so the split is reproducible.
/// </summary>
public static class StratifiedSplitter
{
    public static (IReadOnlyList<LabeledExample> Kept, IReadOnlyList<LabeledExample> HeldOut) Split(
        IReadOnlyList<LabeledExample> examples, double heldOutFraction, int seed)
    {
        if (heldOutFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(heldOutFraction), heldOutFraction, "The held-out fraction must be between 0 and 1.");
        }

        var random = new Random(seed);
        var heldOut = new HashSet<int>();
        var groups = Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Labels[0], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var indices = group.ToArray();
            random.Shuffle(indices);
            var take = (int)Math.Round(indices.Length * heldOutFraction, MidpointRounding.AwayFromZero);
            // Keep at least one example of each label on the training side.
            take = Math.Min(take, indices.Length - 1);
            heldOut.UnionWith(indices.Take(take));
        }

        var kept = new List<LabeledExample>(examples.Count - heldOut.Count);
        var held = new List<LabeledExample>(heldOut.Count);
        for (var i = 0; i < examples.Count; i++)
        {
            (heldOut.Contains(i) ? held : kept).Add(examples[i]);
        }

        return (kept, held);
    }
}

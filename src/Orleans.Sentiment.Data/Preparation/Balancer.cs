namespace Orleans.Sentiment.Data.Preparation;

/// <summary>
/// Seeded under- or over-sampling to equal class sizes. Used on the training split only, so validation and
/// test keep the real distribution and no repeated row leaks into them.
/// </summary>
public static class Balancer
{
    public static IReadOnlyList<LabelledRow> Balance(IReadOnlyList<LabelledRow> rows, BalanceMode mode, int seed)
    {
        if (mode == BalanceMode.None || rows.Count == 0)
        {
            return rows;
        }

        var random = new Random(seed);
        var groups = rows.GroupBy(r => r.Label, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var target = mode == BalanceMode.Under ? groups.Min(g => g.Count) : groups.Max(g => g.Count);
        var balanced = new List<LabelledRow>(target * groups.Count);
        foreach (var group in groups)
        {
            balanced.AddRange(mode == BalanceMode.Under ? Sample(group, target, random) : Repeat(group, target, random));
        }

        // Keep the classes interleaved as in the input, with repeats next to their original.
        return balanced.OrderBy(r => r.Line).ToList();
    }

    private static IEnumerable<LabelledRow> Sample(List<LabelledRow> group, int count, Random random)
    {
        var shuffled = group.ToArray();
        random.Shuffle(shuffled);
        return shuffled.Take(count);
    }

    private static IEnumerable<LabelledRow> Repeat(List<LabelledRow> group, int count, Random random) =>
        group.Concat(Enumerable.Range(0, count - group.Count).Select(_ => group[random.Next(group.Count)]));
}

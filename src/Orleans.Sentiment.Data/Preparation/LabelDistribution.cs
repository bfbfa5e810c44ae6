namespace Orleans.Sentiment.Data.Preparation;

/// <summary>Rows per label, largest first (ties by label), and the largest-to-smallest ratio.</summary>
public sealed class LabelDistribution
{
    private LabelDistribution(IReadOnlyList<KeyValuePair<string, int>> counts) => Counts = counts;

    public IReadOnlyList<KeyValuePair<string, int>> Counts { get; }

    public int Total => Counts.Sum(c => c.Value);

    /// <summary>Largest class size divided by smallest; 1 for a single class, 0 for no rows.</summary>
    public double ImbalanceRatio => Counts.Count == 0 ? 0 : (double)Counts[0].Value / Counts[^1].Value;

    public static LabelDistribution Of(IEnumerable<LabelledRow> rows) => new(
        rows.GroupBy(r => r.Label, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Count()))
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList());

    public bool IsImbalanced(double maxRatio) => ImbalanceRatio > maxRatio;
}

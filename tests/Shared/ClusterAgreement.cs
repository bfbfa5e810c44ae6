namespace Orleans.Sentiment.Testing;

/// <summary>
/// How well clusters match gold classes: normalised mutual information (I(C;G) over the mean of H(C) and H(G), as
/// scikit-learn's default) and purity (the share of items in their cluster's most common class).
/// </summary>
internal static class ClusterAgreement
{
    public static (double Nmi, double Purity) Measure(IReadOnlyList<string> clusters, IReadOnlyList<string> gold)
    {
        var n = (double)clusters.Count;
        var joint = new Dictionary<(string, string), int>();
        var clusterSizes = new Dictionary<string, int>();
        var goldSizes = new Dictionary<string, int>();
        for (var i = 0; i < clusters.Count; i++)
        {
            joint[(clusters[i], gold[i])] = joint.GetValueOrDefault((clusters[i], gold[i])) + 1;
            clusterSizes[clusters[i]] = clusterSizes.GetValueOrDefault(clusters[i]) + 1;
            goldSizes[gold[i]] = goldSizes.GetValueOrDefault(gold[i]) + 1;
        }

        var mutual = joint.Sum(p => p.Value / n * Math.Log(p.Value * n / (clusterSizes[p.Key.Item1] * (double)goldSizes[p.Key.Item2])));
        var mean = (Entropy(clusterSizes.Values, n) + Entropy(goldSizes.Values, n)) / 2;
        var nmi = mean > 0 ? mutual / mean : 1;
        var purity = joint.GroupBy(p => p.Key.Item1).Sum(g => g.Max(p => p.Value)) / n;
        return (nmi, purity);
    }

    private static double Entropy(IEnumerable<int> sizes, double n) => -sizes.Sum(s => s / n * Math.Log(s / n));
}

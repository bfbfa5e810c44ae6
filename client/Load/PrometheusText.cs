using System.Globalization;

namespace Orleans.Sentiment.Client.Load;

/// <summary>Sums of samples read out of the Prometheus text format.</summary>
internal static class PrometheusText
{
    /// <summary>Sum of every sample of <paramref name="name"/> (all label sets), or 0 when absent.</summary>
    public static double Sum(string metrics, string name) => Samples(metrics, name).Sum(s => s.Value);

    /// <summary>Each value of label <paramref name="label"/> of <paramref name="name"/>, with the sum of its samples.</summary>
    public static IReadOnlyDictionary<string, double> SumBy(string metrics, string name, string label) =>
        Samples(metrics, name)
            .Select(s => (Label: LabelValue(s.Labels, label), s.Value))
            .Where(s => s.Label is not null)
            .GroupBy(s => s.Label!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value), StringComparer.Ordinal);

    private static IEnumerable<(string Labels, double Value)> Samples(string metrics, string name)
    {
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(name + "{", StringComparison.Ordinal))
            {
                var close = line.IndexOf('}', StringComparison.Ordinal);
                yield return (line[(name.Length + 1)..close], Value(line[(close + 1)..]));
            }
            else if (line.StartsWith(name + " ", StringComparison.Ordinal))
            {
                yield return ("", Value(line[name.Length..]));
            }
        }
    }

    // After the name and labels: "value [timestamp]".
    private static double Value(string rest) => double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static string? LabelValue(string labels, string label)
    {
        var start = labels.IndexOf(label + "=\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += label.Length + 2;
        return labels[start..labels.IndexOf('"', start)];
    }
}

using System.Globalization;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>Reads values out of the Prometheus text format.</summary>
internal static class MetricsScrape
{
    /// <summary>Sum of every sample of <paramref name="name"/> (all label sets), or 0 when absent.</summary>
    public static double Sum(string metrics, string name) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(Value);

    /// <summary>Sum of the samples of <paramref name="name"/> that carry the label <paramref name="label"/>="<paramref name="value"/>".</summary>
    public static double Sum(string metrics, string name, string label, string value) =>
        metrics.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) && line[..line.IndexOf('}', StringComparison.Ordinal)].Contains($"{label}=\"{value}\"", StringComparison.Ordinal))
            .Sum(Value);

    // A sample is "name{labels} value [timestamp]".
    private static double Value(string line)
    {
        var fields = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return double.Parse(line.Contains('}') ? fields[0] : fields[1], CultureInfo.InvariantCulture);
    }
}

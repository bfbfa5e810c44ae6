namespace Orleans.Sentiment.Data.Preparation;

/// <summary>Cell values that spreadsheet and pandas exports write for "no value".</summary>
public static class NullMarkers
{
    private static readonly HashSet<string> Markers = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "nan", "none", "na", "n/a", "#n/a", "nil", "<na>",
    };

    public static bool IsNull(string? value) => value is null || Markers.Contains(value.Trim());
}

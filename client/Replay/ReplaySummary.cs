using System.Globalization;

namespace Orleans.Sentiment.Client.Replay;

/// <summary>The line a replay ends with: how many comments went to which sources, the comment time they span, and how long it took.</summary>
internal static class ReplaySummary
{
    private const int SourcesShown = 10;

    public static string Describe(string tenant, IReadOnlyList<ReplayComment> comments, int accepted, TimeSpan wall)
    {
        var sources = comments.Select(c => c.Source).Distinct().Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", sources.Take(SourcesShown)) + (sources.Count > SourcesShown ? $", … {sources.Count - SourcesShown} more" : "");
        var span = comments.Count == 0
            ? "no comment time"
            : $"comment time {Time(comments[0].Timestamp)} to {Time(comments[^1].Timestamp)} ({Duration(comments[^1].Timestamp - comments[0].Timestamp)})";
        return $"Replayed {comments.Count} rows ({accepted} accepted) to {sources.Count} source{(sources.Count == 1 ? "" : "s")} of {tenant} ({shown}); {span}; wall time {Duration(wall)}.";
    }

    public static string Time(DateTimeOffset timestamp) => timestamp.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) => span.ToString(span.Days > 0 ? @"d\d\ hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
}

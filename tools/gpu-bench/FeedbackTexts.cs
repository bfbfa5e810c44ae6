using Orleans.Sentiment.Client.Offline;

namespace Orleans.Sentiment.GpuBench;

/// <summary>
/// Feedback-like comments from sentences of the project's corpus, joined as <c>client bench</c> joins them
/// (<see cref="FeedbackComments"/>, linked from the client), so GPU and CPU figures are on the same kind of text.
/// </summary>
internal static class FeedbackTexts
{
    /// <summary>The corpus's first column, read without the client's CSV reader to keep the trimmed publish small.</summary>
    public static IReadOnlyList<string> Make(string corpusCsv, int count) => FeedbackComments.Join(
        [.. File.ReadLines(corpusCsv).Skip(1)
            .Select(line => line.StartsWith('"') ? line[1..line.IndexOf('"', 1)] : line[..line.IndexOf(',')])
            .Where(s => s.Length > 0)],
        count);
}

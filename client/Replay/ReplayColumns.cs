namespace Orleans.Sentiment.Client.Replay;

/// <summary>Where a replayed file keeps each comment's time, id and source: one fixed source, or a column naming it.</summary>
internal sealed record ReplayColumns(string TimeColumn, string? IdColumn, string? Source, string? SourceColumn)
{
    /// <summary>The columns the file reader must hand over beside the text.</summary>
    public IReadOnlyList<string> Extra =>
        new[] { TimeColumn, IdColumn, SourceColumn }.OfType<string>().Distinct().ToArray();
}

namespace Orleans.Sentiment.Data.Preparation;

/// <summary>What <see cref="RowCleaner"/> kept, dropped (by rule) and could not parse.</summary>
public sealed record CleaningResult(
    int RecordsRead,
    IReadOnlyList<LabelledRow> Rows,
    IReadOnlyDictionary<DropRule, int> Dropped,
    IReadOnlyList<MalformedRow> Malformed,
    int DuplicatesWithOtherLabel)
{
    public int DroppedTotal => Dropped.Values.Sum();
}

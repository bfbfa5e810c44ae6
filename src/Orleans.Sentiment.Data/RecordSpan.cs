namespace Orleans.Sentiment.Data;

/// <summary>
/// The physical lines one delimited record occupies. CsvHelper reports the line where a record ends; errors
/// must point at the line where it starts, which differs for quoted fields that contain line breaks.
/// </summary>
internal readonly record struct RecordSpan(int Start, int End)
{
    /// <summary>The span of a record that follows the one ending on <paramref name="previousEnd"/> (blank lines are records too).</summary>
    public static RecordSpan After(int previousEnd, string rawRecord)
    {
        var start = previousEnd + 1;
        return new RecordSpan(start, start + rawRecord.TrimEnd('\r', '\n').Count(c => c == '\n'));
    }

    public string QuoteError() => Start == End
        ? "malformed quoting (a quote inside a quoted field must be doubled)"
        : $"malformed quoting: lines {Start}-{End} were read as one record (unterminated or stray quote)";
}

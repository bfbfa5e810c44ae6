namespace Orleans.Sentiment.Data;

/// <summary>
/// The physical lines one delimited record occupies. CsvHelper reports the line where a record ends; errors
/// must point at the line where it starts, which differs for quoted fields that contain line breaks.
/// </summary>
internal readonly record struct RecordSpan(int Start, int End)
{
    public static RecordSpan Of(string rawRecord, int endRow, bool badQuoting)
    {
        var breaks = rawRecord.Count(c => c == '\n');
        // CsvHelper's raw row is the line the record ends on, counting its terminating line break. A record
        // with an unterminated quote has no terminator: its final break (and the rest of the file) is field text.
        var quoteOpen = badQuoting && rawRecord.Count(c => c == '"') % 2 == 1;
        var terminated = rawRecord.EndsWith('\n') && !quoteOpen;
        var start = endRow - breaks + (terminated ? 1 : 0);
        var end = start + rawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
        return new RecordSpan(start, end);
    }

    public string QuoteError() => Start == End
        ? "malformed quoting (a quote inside a quoted field must be doubled)"
        : $"malformed quoting: lines {Start}-{End} were read as one record (unterminated or stray quote)";
}

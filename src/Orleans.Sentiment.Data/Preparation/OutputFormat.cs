namespace Orleans.Sentiment.Data.Preparation;

/// <summary>Format of the files <see cref="DatasetPreparer"/> writes.</summary>
public enum OutputFormat
{
    /// <summary>The input's own format (CSV, TSV or JSONL).</summary>
    SameAsInput,
    Csv,
    Tsv,
    JsonLines,
}

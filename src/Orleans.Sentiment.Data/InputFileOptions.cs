namespace Orleans.Sentiment.Data;

/// <summary>Which columns (CSV/TSV) or fields (JSONL) hold the text, label and id.</summary>
public sealed record InputFileOptions
{
    public string TextColumn { get; init; } = "text";

    /// <summary>Label column; null when the file is unlabelled.</summary>
    public string? LabelColumn { get; init; }

    public string IdColumn { get; init; } = "id";

    /// <summary>Format; null infers it from the file extension.</summary>
    public InputFormat? Format { get; init; }
}

namespace Orleans.Sentiment.Data;

/// <summary>Which columns (CSV/TSV) or fields (JSONL) hold the text, label and id.</summary>
public sealed record InputFileOptions
{
    public string TextColumn { get; init; } = "text";

    /// <summary>Label column; null when the file is unlabelled.</summary>
    public string? LabelColumn { get; init; }

    public string IdColumn { get; init; } = "id";

    /// <summary>
    /// Further columns (CSV/TSV, each must exist) or fields (JSONL, null where a record lacks it) read into
    /// <see cref="InputRow.Fields"/> by these names, e.g. a timestamp.
    /// </summary>
    public IReadOnlyList<string> ExtraColumns { get; init; } = [];

    /// <summary>Format; null infers it from the file extension.</summary>
    public InputFormat? Format { get; init; }
}

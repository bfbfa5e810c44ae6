namespace Orleans.Sentiment.Data;

/// <summary>
/// One record of an input file. <see cref="Line"/> is the 1-based line where the record starts, so
/// errors can point at it. <see cref="Error"/> is set, and the other fields may be null, for a malformed record.
/// </summary>
public sealed record InputRow(int Line, string? Id, string? Text, string? Label, string? Error = null)
{
    internal static readonly IReadOnlyDictionary<string, string?> NoFields = new Dictionary<string, string?>();

    public bool IsValid => Error is null;

    /// <summary>The values of <see cref="InputFileOptions.ExtraColumns"/>, by the names asked for.</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = NoFields;
}

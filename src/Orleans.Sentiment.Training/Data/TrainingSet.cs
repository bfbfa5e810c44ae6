namespace Orleans.Sentiment.Training.Data;

/// <summary>Examples read from a file, and how many records were skipped and why.</summary>
public sealed record TrainingSet(IReadOnlyList<LabeledExample> Examples, int MalformedRows, int UnlabelledRows)
{
    /// <summary>Labels found in the examples, in ordinal order so label ids do not depend on row order.</summary>
    public IReadOnlyList<string> Labels => Examples.SelectMany(e => e.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>True when any example carries more than one label.</summary>
    public bool IsMultiLabel => Examples.Any(e => e.Labels.Count > 1);
}

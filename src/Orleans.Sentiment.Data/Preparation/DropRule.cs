namespace Orleans.Sentiment.Data.Preparation;

/// <summary>Why a well-formed row was left out of the cleaned data; malformed rows are reported separately.</summary>
public enum DropRule
{
    /// <summary>The text is missing or a null marker (JSON null, "null", "NaN", "None", "NA", "N/A").</summary>
    NullText,

    /// <summary>The text is empty or only whitespace.</summary>
    EmptyText,

    /// <summary>The label is missing, empty or a null marker.</summary>
    MissingLabel,

    /// <summary>The trimmed text equals an earlier row's.</summary>
    ExactDuplicate,

    /// <summary>The text equals an earlier row's after folding case and whitespace.</summary>
    FoldedDuplicate,
}

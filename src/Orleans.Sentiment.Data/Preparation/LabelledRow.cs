namespace Orleans.Sentiment.Data.Preparation;

/// <summary>A cleaned row: trimmed text and label, and the input line it came from.</summary>
public sealed record LabelledRow(int Line, string? Id, string Text, string Label);

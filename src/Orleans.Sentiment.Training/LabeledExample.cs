namespace Orleans.Sentiment.Training;

/// <summary>One training or evaluation text with its labels (one label, or several for multi-label data).</summary>
public sealed record LabeledExample(string Text, IReadOnlyList<string> Labels);

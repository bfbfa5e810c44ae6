namespace Orleans.Sentiment.Data.Preparation;

/// <summary>A record that could not be parsed, with the line where it starts.</summary>
public sealed record MalformedRow(int Line, string Error);

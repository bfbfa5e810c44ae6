namespace Orleans.Sentiment.Themes;

/// <summary>One comment of the label asked for, with its sentence embedding (any width, the same for every comment).</summary>
public sealed record ThemeInput(string Id, string Text, float[] Embedding);

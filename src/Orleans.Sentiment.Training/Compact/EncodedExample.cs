namespace Orleans.Sentiment.Training.Compact;

/// <summary>An example turned into embedding rows and a 0/1 target per label.</summary>
internal sealed record EncodedExample(int[] Rows, float[] Target, IReadOnlyList<string> Labels);

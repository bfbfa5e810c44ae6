namespace Orleans.Sentiment.Training.Compact;

/// <summary>An example turned into embedding rows and a 0/1 target per label.</summary>
internal sealed record EncodedExample(int[] Rows, float[] Target, IReadOnlyList<string> Labels)
{
    /// <summary>Scales this example's gradient (class balancing); 1 by default.</summary>
    public float Weight { get; set; } = 1f;
}

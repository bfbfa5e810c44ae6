namespace Orleans.Sentiment.Contracts;

/// <summary>How a watched share is judged a spike.</summary>
public enum SpikeDetector
{
    /// <summary>The share is strictly greater than a fixed threshold.</summary>
    Threshold,

    /// <summary>
    /// The share is significantly above the source's own long-run share of the label (a one-sided binomial test at the
    /// policy's alpha), and above it by at least the policy's relative lift.
    /// </summary>
    Baseline,
}

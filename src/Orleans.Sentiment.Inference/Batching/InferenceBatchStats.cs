using System.Diagnostics;

namespace Orleans.Sentiment.Inference;

/// <summary>One model call of the batching service.</summary>
/// <param name="Texts">Texts in the call.</param>
/// <param name="RealTokens">Tokens of those texts (special tokens included).</param>
/// <param name="PaddedTokens">Texts × longest text: what the model computes.</param>
/// <param name="Elapsed">Time of the call, all models together.</param>
public sealed record InferenceBatchStats(int Texts, long RealTokens, long PaddedTokens, TimeSpan Elapsed)
{
    /// <summary>Padding tokens per real token (0 when every text in the call has the same length).</summary>
    public double PaddingRatio => RealTokens == 0 ? 0 : (PaddedTokens - RealTokens) / (double)RealTokens;

    /// <summary>The traced callers whose texts the call served (each span once); empty when nothing traces.</summary>
    public IReadOnlyList<Activity> Callers { get; init; } = [];
}

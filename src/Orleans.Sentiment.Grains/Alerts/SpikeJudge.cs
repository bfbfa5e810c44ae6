using MathNet.Numerics;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// Judges one watched share of a source's window. <see cref="SpikeDetector.Threshold"/>: a spike while the share is
/// strictly greater than the threshold, over once it is not. <see cref="SpikeDetector.Baseline"/>: a spike when the
/// window's count of the label is improbably high for the source's long-run share — the one-sided binomial test
/// P(X ≥ hits | count, baseline) ≤ alpha — and the share is at least (1 + minLift) times the baseline, once the baseline
/// has learnt from minBaseline comments; over once the share is back within that lift. The baseline is smoothed by one
/// hit and one miss at the weight of the comments it remembers, so a label the source has never seen does not turn two
/// comments into a spike.
/// </summary>
public static class SpikeJudge
{
    public readonly record struct Judgement(bool Breached, bool Clear, double Share, double? Baseline, double? PValue);

    public static Judgement Judge(WatchCounts counts, SpikeDetector detector, double threshold, double alpha, double minLift, AlertPolicy policy)
    {
        var share = counts.Count == 0 ? 0 : (double)counts.Hits / counts.Count;
        if (detector == SpikeDetector.Threshold)
        {
            return new Judgement(counts.Count >= policy.MinCount && share > threshold, share <= threshold, share, counts.Baseline, null);
        }

        if (counts.Baseline is not { } learnt || counts.BaselineComments < policy.MinBaseline)
        {
            return new Judgement(false, true, share, counts.Baseline, null);
        }

        var baseline = Smoothed(learnt, counts.BaselineComments, policy.BaselineHorizon);
        var lifted = share >= baseline * (1 + minLift) && share > baseline;
        var pValue = UpperTail(counts.Hits, counts.Count, baseline);
        return new Judgement(counts.Count >= policy.MinCount && lifted && pValue <= alpha, !lifted, share, learnt, pValue);
    }

    /// <summary>P(X ≥ hits) for X ~ Binomial(count, p): the regularized incomplete beta I_p(hits, count − hits + 1).</summary>
    public static double UpperTail(int hits, int count, double p) =>
        hits <= 0 ? 1 : hits > count ? 0 : p <= 0 ? 0 : p >= 1 ? 1 : SpecialFunctions.BetaRegularized(hits, count - hits + 1, p);

    /// <summary>The baseline with a hit and a miss added to the comments it remembers (at most its horizon).</summary>
    private static double Smoothed(double share, long comments, int horizon)
    {
        var weight = Math.Min(comments, horizon);
        return ((share * weight) + 1) / (weight + 2);
    }
}

using MathNet.Numerics;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// Judges one watched share of a source's window.
/// <para><see cref="SpikeDetector.Threshold"/>: a spike while the window's share is strictly greater than the threshold,
/// over once it is not.</para>
/// <para><see cref="SpikeDetector.Baseline"/>: the window and each of its recent parts (the last minCount comments,
/// twice that, and so on; see <see cref="WatchCounts.Scales"/>) are tested against the source's long-run share p: a
/// spike when, for one of them, the count of the label is improbably high — the one-sided binomial test
/// P(X ≥ hits | comments, p), times the number of parts tested (Bonferroni), is at most alpha — and its share is at
/// least (1 + minLift) times p. The parts let a burst page before it fills the whole window. Nothing is judged until the
/// baseline has learnt from minBaseline comments. Over once no part is a spike and the whole window's share is back
/// under the lift. The baseline is smoothed by one hit and one miss, so a label the source has never carried does not
/// turn two comments into a spike.</para>
/// </summary>
public static class SpikeJudge
{
    /// <param name="Breached">The share is a spike now.</param>
    /// <param name="Clear">The share is back to normal (a recovery, when it alerted).</param>
    /// <param name="Hits">The label's count in the part of the window that decided.</param>
    /// <param name="Count">The comments in that part.</param>
    /// <param name="Baseline">The long-run share judged against; null for the threshold detector before any is learnt.</param>
    /// <param name="PValue">The deciding part's corrected p-value; null for the threshold detector.</param>
    public readonly record struct Judgement(bool Breached, bool Clear, int Hits, int Count, double? Baseline, double? PValue)
    {
        public double Share => Count == 0 ? 0 : (double)Hits / Count;
    }

    /// <summary>Every share the policy watches that the window counts, judged by its rule.</summary>
    public static IEnumerable<(WatchRule Rule, Judgement Judgement)> JudgeAll(WindowCounts window, AlertPolicy policy)
    {
        foreach (var rule in policy.Judges())
        {
            var counts = rule.Key == AlertPolicy.MainWatchKey ? window.Main : window.Watches.FirstOrDefault(w => w.Key == rule.Key);
            if (counts is not null)
            {
                yield return (rule, Judge(counts, rule.Detector, rule.Threshold, rule.Alpha, rule.MinLift, policy));
            }
        }
    }

    public static Judgement Judge(WatchCounts counts, SpikeDetector detector, double threshold, double alpha, double minLift, AlertPolicy policy)
    {
        var share = counts.Count == 0 ? 0 : (double)counts.Hits / counts.Count;
        if (detector == SpikeDetector.Threshold)
        {
            return new Judgement(counts.Count >= policy.MinCount && share > threshold, share <= threshold, counts.Hits, counts.Count, counts.Baseline, null);
        }

        if (counts.Baseline is not { } learnt || counts.BaselineComments < policy.MinBaseline)
        {
            return new Judgement(false, true, counts.Hits, counts.Count, counts.Baseline, null);
        }

        var baseline = Smoothed(learnt, counts.BaselineComments, policy.BaselineHorizon);
        var parts = counts.Scales.Count > 0
            ? counts.Scales.Select((length, i) => (Hits: counts.RecentHits[i], Count: Math.Min(length, counts.Count))).ToArray()
            : [(counts.Hits, counts.Count)];
        var tested = parts.Where(p => p.Count >= policy.MinCount).ToArray();
        var best = (Hits: counts.Hits, Count: counts.Count, PValue: 1.0);
        foreach (var (hits, count) in tested)
        {
            var pValue = Math.Min(1, UpperTail(hits, count, baseline) * tested.Length);
            var lifted = Lifted(hits, count, baseline, minLift);
            if (lifted && pValue < best.PValue)
            {
                best = (hits, count, pValue);
            }
        }

        var breached = best.PValue <= alpha;
        var clear = !breached && !Lifted(counts.Hits, counts.Count, baseline, minLift);
        return new Judgement(breached, clear, best.Hits, best.Count, learnt, best.PValue);
    }

    /// <summary>P(X ≥ hits) for X ~ Binomial(count, p): the regularized incomplete beta I_p(hits, count − hits + 1).</summary>
    public static double UpperTail(int hits, int count, double p) =>
        hits <= 0 ? 1 : hits > count ? 0 : p <= 0 ? 0 : p >= 1 ? 1 : SpecialFunctions.BetaRegularized(hits, count - hits + 1, p);

    private static bool Lifted(int hits, int count, double baseline, double minLift)
    {
        var share = count == 0 ? 0 : (double)hits / count;
        return share > baseline && share >= baseline * (1 + minLift);
    }

    /// <summary>The baseline with a hit and a miss added to the comments it remembers (at most its horizon).</summary>
    private static double Smoothed(double share, long comments, int horizon)
    {
        var weight = Math.Min(comments, horizon);
        return ((share * weight) + 1) / (weight + 2);
    }
}

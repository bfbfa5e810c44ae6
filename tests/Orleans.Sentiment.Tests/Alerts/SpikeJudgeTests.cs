using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Alerts;

namespace Orleans.Sentiment.Tests.Alerts;

public sealed class SpikeJudgeTests
{
    private static readonly AlertPolicy Policy = AlertPolicy.Default with { Detector = SpikeDetector.Baseline, MinCount = 20, MinBaseline = 300 };

    [Theory]
    [InlineData(0, 10, 0.3)]
    [InlineData(3, 10, 0.3)]
    [InlineData(7, 20, 0.25)]
    [InlineData(40, 100, 0.3)]
    [InlineData(100, 100, 0.6)]
    public void UpperTail_SmallCounts_EqualsTheSumOfTheBinomialProbabilities(int hits, int count, double p)
    {
        var expected = Enumerable.Range(hits, count - hits + 1).Sum(k => Choose(count, k) * Math.Pow(p, k) * Math.Pow(1 - p, count - k));

        Assert.Equal(expected, SpikeJudge.UpperTail(hits, count, p), 9);
    }

    [Fact]
    public void Judge_Threshold_BreachesStrictlyAboveAndClearsAtOrBelow()
    {
        var above = Judge(SpikeDetector.Threshold, hits: 11, count: 100, baseline: null, learnt: 0);
        var at = Judge(SpikeDetector.Threshold, hits: 10, count: 100, baseline: null, learnt: 0);

        Assert.True(above.Breached);
        Assert.False(above.Clear);
        Assert.False(at.Breached);
        Assert.True(at.Clear);
    }

    [Fact]
    public void Judge_BaselineBeforeMinBaselineComments_NeverBreaches() =>
        Assert.False(Judge(SpikeDetector.Baseline, hits: 90, count: 100, baseline: 0.2, learnt: 299).Breached);

    [Fact]
    public void Judge_ShareFarAboveTheSourcesOwnLevel_Breaches()
    {
        // 63% negative is this source's normal: a fixed 10% threshold would always alert, the baseline only on a rise.
        var normal = Judge(SpikeDetector.Baseline, hits: 66, count: 100, baseline: 0.63, learnt: 5000);
        var spike = Judge(SpikeDetector.Baseline, hits: 75, count: 80, baseline: 0.4, learnt: 5000);

        Assert.False(normal.Breached);
        Assert.True(normal.Clear);
        Assert.True(spike.Breached);
        Assert.True(spike.PValue < 0.001);
    }

    [Fact]
    public void Judge_SignificantButBelowMinLift_DoesNotBreach()
    {
        // 11,500 of 100,000 against 10%: overwhelming evidence, but only 15% above the usual share.
        var judgement = SpikeJudge.Judge(new WatchCounts("", 100_000, 11_500, 0.10, 50_000), SpikeDetector.Baseline, 0.1, 0.001, 0.25, Policy with { WindowSize = 100_000 });

        Assert.True(SpikeJudge.UpperTail(11_500, 100_000, 0.10) < 1e-9);
        Assert.False(judgement.Breached);
    }

    [Fact]
    public void Judge_ABurstInTheLastComments_BreachesBeforeTheWholeWindowMoves()
    {
        // 19 of the last 20 negative where 40% is usual, in a window of 100 whose share (46%) has hardly moved.
        var counts = new WatchCounts("", 100, 46, 0.4, 5000) { Scales = [20, 40, 80, 100], RecentHits = [19, 26, 38, 46] };

        var judgement = SpikeJudge.Judge(counts, SpikeDetector.Baseline, 0.1, 0.001, 0.25, Policy);

        Assert.True(judgement.Breached);
        Assert.Equal((19, 20), (judgement.Hits, judgement.Count));
        Assert.False(SpikeJudge.Judge(counts with { Scales = [], RecentHits = [] }, SpikeDetector.Baseline, 0.1, 0.001, 0.25, Policy).Breached);
    }

    [Fact]
    public void Judge_LiftedButTooFewToBeSignificant_DoesNotBreach() =>
        Assert.False(Judge(SpikeDetector.Baseline, hits: 12, count: 20, baseline: 0.4, learnt: 5000).Breached);

    [Fact]
    public void Judge_ALabelNeverSeenBefore_NeedsMoreThanTwoComments()
    {
        Assert.False(Judge(SpikeDetector.Baseline, hits: 2, count: 100, baseline: 0, learnt: 2000).Breached);
        Assert.True(Judge(SpikeDetector.Baseline, hits: 6, count: 100, baseline: 0, learnt: 2000).Breached);
    }

    private static SpikeJudge.Judgement Judge(SpikeDetector detector, int hits, int count, double? baseline, long learnt) =>
        SpikeJudge.Judge(new WatchCounts("", count, hits, baseline, learnt), detector, 0.10, 0.001, 0.25, Policy);

    private static double Choose(int n, int k)
    {
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }
}

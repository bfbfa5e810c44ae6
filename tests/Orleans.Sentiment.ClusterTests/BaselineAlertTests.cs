using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Testing;
using static Orleans.Sentiment.ClusterTests.ClusterPipeline;

namespace Orleans.Sentiment.ClusterTests;

/// <summary>
/// The baseline detector and further watched labels in a running source, on comments stamped last month: the source
/// learns its own normal share, pages on a burst against it, recovers, and stamps every alert with comment time.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BaselineAlertTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset LastMonth = ClusterFixture.Clock.GetUtcNow().AddDays(-30);
    private readonly ClusterPipeline _pipeline = new(fixture);

    [Fact]
    public async Task Baseline_BurstAgainstTheSourcesOwnLevel_SpikesThenRecoversOnCommentTime()
    {
        var key = NewSource();
        var policy = AlertPolicy.Default with
        {
            Detector = SpikeDetector.Baseline, WindowSize = 20, MinCount = 10, MinBaseline = 40, BaselineHorizon = 200, Alpha = 0.001,
            Cooldown = TimeSpan.FromMinutes(1), Watches = [new AlertWatch("sentiment", "positive", SpikeDetector.Threshold, Threshold: 0.95)],
        };
        await _pipeline.Source(key).SetPolicyAsync(policy);

        // A quarter negative is this source's normal: 80 comments a minute apart teach the baseline (60 leave the window).
        await PublishAsync(key, 0, Enumerable.Range(0, 80).Select(i => i % 4 == 0));
        Assert.Empty(await _pipeline.Alerts(key).GetHistoryAsync(10));

        await PublishAsync(key, 80, Enumerable.Repeat(true, 20));
        var spike = Assert.Single(await _pipeline.WaitForHistoryAsync(key, h => h.Any(a => a.Kind == AlertKind.Spike), "the spike"));
        Assert.Equal(("negative", SpikeDetector.Baseline), (spike.Label, spike.Detector));
        Assert.InRange(spike.Baseline!.Value, 0.2, 0.3);
        Assert.InRange(spike.At, LastMonth.AddMinutes(80), LastMonth.AddMinutes(100));

        // Twenty minutes of nothing but praise: the burst recovers, and the further watch on "positive" pages on its own.
        await PublishAsync(key, 100, Enumerable.Repeat(false, 20));
        var history = await _pipeline.WaitForHistoryAsync(key, h => h.Any(a => a.Kind == AlertKind.Recovery) && h.Any(a => a.Label == "positive"), "the recovery and the positive spike");
        var recovery = Assert.Single(history, a => a.Kind == AlertKind.Recovery && a.Label == "negative");
        Assert.InRange(recovery.At, LastMonth.AddMinutes(101), LastMonth.AddMinutes(120));
        var positive = Assert.Single(history, a => a.Label == "positive");
        Assert.Equal((AlertKind.Spike, "sentiment", SpikeDetector.Threshold), (positive.Kind, positive.Model, positive.Detector));
    }

    private async Task PublishAsync(SourceKey key, int first, IEnumerable<bool> negatives)
    {
        var comments = negatives.Select((negative, i) => new Comment(key.Tenant, key.Source, $"b{first + i}", negative ? "it is broken" : "works fine", LastMonth.AddMinutes(first + i))).ToList();
        foreach (var batch in comments.Chunk(10))
        {
            await _pipeline.PublishAsync(key, [.. batch]);
        }

        await _pipeline.WaitForCountAsync(key, Math.Min(20, first + comments.Count));
        await Eventually.WaitForAsync(() => _pipeline.Source(key).GetRecentAsync(1), r => r.Count == 1 && r[0].Id == $"b{first + comments.Count - 1}", "the last comment classified");
    }
}

using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Testing;
using static Orleans.Sentiment.ClusterTests.ClusterPipeline;

namespace Orleans.Sentiment.ClusterTests;

/// <summary>Alerts page once per change, never faster than the cooldown, and are kept in a persisted outbox and history.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AlertDeliveryTests(ClusterFixture fixture)
{
    private readonly ClusterPipeline _pipeline = new(fixture);

    [Fact]
    public async Task Stream_NegativeSpike_PostsOneAlertThenRecoveryAfterTheCooldown()
    {
        await using var slack = new WebhookReceiver(failFirst: 1);
        var key = NewSource();
        await _pipeline.Source(key).SetPolicyAsync(new AlertPolicy(20, 0.10, 10, TimeSpan.FromMinutes(15), slack.Url));

        await _pipeline.PublishAsync(key, Enumerable.Range(0, 20).Select(i => Comment(key, $"s{i}", i % 2 == 0 ? "broken" : "fine")).ToList());
        await _pipeline.WaitForCountAsync(key, 20);
        await _pipeline.PublishAsync(key, Enumerable.Range(0, 20).Select(i => Comment(key, $"ok{i}", "fine")).ToList());
        await Eventually.WaitForAsync(() => Task.FromResult(slack.Received), r => r.Count >= 1, "the spike to be posted");
        var during = await _pipeline.Source(key).GetWindowAsync();
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(15));
        var received = await Eventually.WaitForAsync(() => Task.FromResult(slack.Received), r => r.Count >= 2, "the recovery, once the cooldown has passed");
        var window = await _pipeline.Source(key).GetWindowAsync();

        Assert.True(during.Alerting); // recovered share, but the recovery waits for the cooldown
        Assert.False(window.Alerting);
        Assert.Equal(2, received.Count);
        Assert.StartsWith($"High negative feedback on {key}", (string?)received[0]["text"]);
        Assert.StartsWith($"Negative feedback on {key} is back to normal", (string?)received[1]["text"]);
        Assert.Equal(3, slack.Requests); // the first attempt failed with 503 and was retried
        // The receiver counts a post before the alert grain hears back from it: wait for both deliveries to be recorded.
        var history = await _pipeline.WaitForHistoryAsync(key, h => h.Count == 2 && h.All(r => r.Delivery != AlertDelivery.Pending), "both alerts' deliveries to be recorded");
        Assert.Equal([AlertKind.Recovery, AlertKind.Spike], history.Select(h => h.Kind));
        Assert.All(history, h => Assert.Equal(AlertDelivery.Sent, h.Delivery));
        Assert.Equal(2, history[1].Attempts);
    }

    [Fact]
    public async Task Stream_OneLargeNegativeBatch_PostsExactlyOneAlert()
    {
        await using var slack = new WebhookReceiver();
        var key = NewSource();
        await _pipeline.Source(key).SetPolicyAsync(new AlertPolicy(100, 0.10, 20, TimeSpan.FromMinutes(1), slack.Url));

        // 256 comments in 16 classifier chunks: a spike, a recovery and a spike again if each chunk were evaluated.
        var comments = Enumerable.Range(0, 256).Select(i => Comment(key, $"b{i}", (i / 64) % 2 == 0 ? "broken" : "fine")).ToList();
        await _pipeline.PublishAsync(key, comments);
        await _pipeline.WaitForCountAsync(key, 100);
        await _pipeline.PublishAsync(key, [Comment(key, "marker", "broken")]);
        await _pipeline.WaitForHistoryAsync(key, h => h.Any(r => r.Delivery == AlertDelivery.Sent), "the spike to be delivered");
        await Eventually.WaitForAsync(() => _pipeline.Source(key).GetRecentAsync(1), r => r.Count == 1 && r[0].Id == "marker", "the marker to be processed");

        Assert.Equal(1, slack.Requests);
    }

    [Fact]
    public async Task GetWindow_WhileABatchRaisesASpike_NeverShowsItsCountsWithoutTheAlert()
    {
        var key = NewSource();
        await _pipeline.Source(key).SetPolicyAsync(new AlertPolicy(20, 0.10, 20, TimeSpan.FromMinutes(15), null));

        await _pipeline.PublishAsync(key, Enumerable.Range(0, 20).Select(i => Comment(key, $"n{i}", "broken")).ToList());
        // Read as fast as the grain answers: the first reading with every comment counted must already alert.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        WindowSnapshot window;
        do
        {
            window = await _pipeline.Source(key).GetWindowAsync();
        }
        while (window.Count < 20 && DateTime.UtcNow < deadline);

        Assert.Equal(20, window.Count);
        Assert.True(window.Alerting);
    }

    [Fact]
    public async Task Timer_QuietSourceWithTimeWindow_RecoversWithoutNewComments()
    {
        await using var slack = new WebhookReceiver();
        var key = NewSource();
        await _pipeline.Source(key).SetPolicyAsync(new AlertPolicy(100, 0.10, 5, TimeSpan.FromMinutes(1), slack.Url, TimeSpan.FromMinutes(2)));

        await _pipeline.PublishAsync(key, Enumerable.Range(0, 10).Select(i => Comment(key, $"q{i}", "broken")).ToList());
        await Eventually.WaitForAsync(() => Task.FromResult(slack.Received), r => r.Count == 1, "the spike");
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(3));
        var received = await Eventually.WaitForAsync(() => Task.FromResult(slack.Received), r => r.Count == 2, "the recovery of the quiet source");
        var window = await _pipeline.Source(key).GetWindowAsync();

        Assert.StartsWith($"Negative feedback on {key} is back to normal", (string?)received[1]["text"]);
        Assert.Equal((0, false, TimeSpan.FromMinutes(2)), (window.Count, window.Alerting, window.WindowDuration!.Value));
    }

    [Fact]
    public async Task Stream_WebhookAlwaysFailing_RetriesThenMarksFailedWithoutHoldingUpComments()
    {
        await using var slack = new WebhookReceiver(failFirst: int.MaxValue);
        var key = NewSource();
        await _pipeline.Source(key).SetPolicyAsync(new AlertPolicy(10, 0.10, 5, TimeSpan.FromMinutes(15), slack.Url));

        await _pipeline.PublishAsync(key, Enumerable.Range(0, 10).Select(i => Comment(key, $"f{i}", "broken")).ToList());
        var window = await _pipeline.WaitForCountAsync(key, 10);
        await _pipeline.PublishAsync(key, Enumerable.Range(0, 10).Select(i => Comment(key, $"g{i}", "broken")).ToList());
        await Eventually.WaitForAsync(() => _pipeline.Source(key).GetRecentAsync(1), r => r.Count == 1 && r[0].Id == "g9", "the second batch to be processed");
        var history = await _pipeline.WaitForHistoryAsync(key, h => h.Count == 1 && h[0].Delivery == AlertDelivery.Failed, "the alert to be marked failed");

        Assert.True(window.Alerting);
        Assert.Equal(4, slack.Requests); // Slack:MaxRetries = 3 in the fixture
        Assert.Equal(4, history[0].Attempts);
        Assert.Empty(slack.Received);
    }

    [Fact]
    public async Task Evaluate_SameWindowHandedOverAgain_IsDeliveredOnce()
    {
        await using var slack = new WebhookReceiver();
        var key = NewSource();
        var window = new WindowCounts(100, 20, ClusterFixture.Clock.GetUtcNow());
        await _pipeline.Alerts(key).SetPolicyAsync(new AlertPolicy(100, 0.10, 20, TimeSpan.FromMinutes(15), slack.Url), window);

        var first = await _pipeline.Alerts(key).EvaluateAsync(window);
        var again = await _pipeline.Alerts(key).EvaluateAsync(window);
        await _pipeline.WaitForHistoryAsync(key, h => h.Count == 1 && h[0].Delivery == AlertDelivery.Sent, "the alert to be sent");

        Assert.Equal((true, true), (first.Alerting, again.Alerting));
        Assert.Equal(1, slack.Requests);
    }
}

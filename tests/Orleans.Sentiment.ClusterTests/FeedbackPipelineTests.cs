using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Testing;
using Orleans.Streams;

namespace Orleans.Sentiment.ClusterTests;

[Collection(ClusterCollection.Name)]
public sealed class FeedbackPipelineTests(ClusterFixture fixture)
{
    private static int _sources;

    [Fact]
    public async Task Stream_CommentsPublished_AreClassifiedIntoTheWindowAndRecentList()
    {
        var key = NewSource();
        var comments = Enumerable.Range(0, 40).Select(i => Comment(key, $"c{i}", i % 4 == 0 ? "it is broken" : "works fine")).ToList();

        await PublishAsync(key, comments);
        var window = await WaitForCountAsync(key, 40);

        Assert.Equal(10, window.NegativeCount);
        Assert.Equal(new Dictionary<string, int> { ["negative"] = 10, ["positive"] = 30 }, window.LabelCounts);
        var recent = await Source(key).GetRecentAsync(3);
        Assert.Equal(["c39", "c38", "c37"], recent.Select(c => c.Id));
        Assert.Equal("positive", recent[0].Predictions["sentiment"].Label);
    }

    [Fact]
    public async Task Stream_RedeliveredComments_CountOnce()
    {
        var key = NewSource();
        var batch = Enumerable.Range(0, 10).Select(i => Comment(key, $"r{i}", "broken")).ToList();

        await PublishAsync(key, batch);
        await WaitForCountAsync(key, 10);
        await PublishAsync(key, batch.Take(5).Append(Comment(key, "marker", "fine")).ToList());
        var window = await WaitForCountAsync(key, 11);

        Assert.Equal(11, window.Count);
        Assert.Equal(10, window.NegativeCount);
    }

    [Fact]
    public async Task Stream_CommentsWithoutIds_GetDistinctIds()
    {
        var key = NewSource();

        await PublishAsync(key, [Comment(key, null, "same text"), Comment(key, null, "same text")]);
        await WaitForCountAsync(key, 2);

        var recent = await Source(key).GetRecentAsync(10);
        Assert.Equal(2, recent.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task Stream_NegativeSpike_PostsOneAlertThenRecovery()
    {
        await using var slack = new WebhookReceiver(failFirst: 1);
        var key = NewSource();
        await Source(key).SetPolicyAsync(new AlertPolicy(20, 0.10, 10, TimeSpan.FromMinutes(15), slack.Url));

        await PublishAsync(key, Enumerable.Range(0, 20).Select(i => Comment(key, $"s{i}", i % 2 == 0 ? "broken" : "fine")).ToList());
        await WaitForCountAsync(key, 20);
        await PublishAsync(key, Enumerable.Range(0, 20).Select(i => Comment(key, $"ok{i}", "fine")).ToList());
        var window = await Eventually.WaitForAsync(() => Source(key).GetWindowAsync(), w => !w.Alerting && w.NegativeCount == 0, "recovery");
        var received = await Eventually.WaitForAsync(() => Task.FromResult(slack.Received), r => r.Count >= 2, "two webhook posts");

        Assert.Equal(0, window.NegativeCount);
        Assert.Equal(2, received.Count);
        Assert.StartsWith($"High negative feedback on {key}", (string?)received[0]["text"]);
        Assert.StartsWith($"Negative feedback on {key} is back to normal", (string?)received[1]["text"]);
        Assert.Equal(3, slack.Requests); // the first attempt failed with 503 and was retried
    }

    [Fact]
    public async Task Stream_WebhookAlwaysFailing_RetriesThenGivesUpWithoutHoldingUpComments()
    {
        await using var slack = new WebhookReceiver(failFirst: int.MaxValue);
        var key = NewSource();
        await Source(key).SetPolicyAsync(new AlertPolicy(10, 0.10, 5, TimeSpan.FromMinutes(15), slack.Url));

        await PublishAsync(key, Enumerable.Range(0, 10).Select(i => Comment(key, $"f{i}", "broken")).ToList());
        var window = await WaitForCountAsync(key, 10);
        await PublishAsync(key, Enumerable.Range(0, 10).Select(i => Comment(key, $"g{i}", "broken")).ToList());
        await Eventually.WaitForAsync(() => Source(key).GetRecentAsync(1), r => r.Count == 1 && r[0].Id == "g9", "the second batch to be processed");
        var requests = await Eventually.WaitForAsync(() => Task.FromResult(slack.Requests), r => r >= 4, "the first attempt and three retries");

        Assert.True(window.Alerting);
        Assert.Equal(4, requests); // Slack:MaxRetries = 3 in the fixture
        Assert.Empty(slack.Received);
    }

    [Fact]
    public async Task SetPolicy_Invalid_IsRejected()
    {
        var key = NewSource();

        await Assert.ThrowsAsync<ArgumentException>(() => Source(key).SetPolicyAsync(AlertPolicy.Default with { Threshold = 2 }));
        Assert.Equal(AlertPolicy.Default, await Source(key).GetPolicyAsync());
    }

    private static SourceKey NewSource() => new("tenant-a", $"source-{Interlocked.Increment(ref _sources)}");

    private static Comment Comment(SourceKey key, string? id, string text) =>
        new(key.Tenant, key.Source, id, text, ClusterFixture.Clock.GetUtcNow());

    private IFeedbackSourceGrain Source(SourceKey key) => fixture.Cluster.GrainFactory.GetGrain<IFeedbackSourceGrain>(key.ToString());

    private Task PublishAsync(SourceKey key, List<Comment> comments) =>
        fixture.Cluster.Client.GetStreamProvider(Constants.StreamProviderName)
            .GetStream<Comment>(StreamId.Create(Constants.CommentsNamespace, key.ToString()))
            .OnNextBatchAsync(comments);

    private Task<WindowSnapshot> WaitForCountAsync(SourceKey key, int count) =>
        Eventually.WaitForAsync(() => Source(key).GetWindowAsync(), w => w.Count >= count, $"{count} comments in the window of {key}");
}

using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Testing;
using static Orleans.Sentiment.ClusterTests.ClusterPipeline;

namespace Orleans.Sentiment.ClusterTests;

[Collection(ClusterCollection.Name)]
public sealed class FeedbackPipelineTests(ClusterFixture fixture)
{
    private readonly ClusterPipeline _pipeline = new(fixture);

    [Fact]
    public async Task Stream_CommentsPublished_AreClassifiedIntoTheWindowAndRecentList()
    {
        var key = NewSource();
        var comments = Enumerable.Range(0, 40).Select(i => Comment(key, $"c{i}", i % 4 == 0 ? "it is broken" : "works fine")).ToList();

        await _pipeline.PublishAsync(key, comments);
        var window = await _pipeline.WaitForCountAsync(key, 40);

        Assert.Equal(10, window.NegativeCount);
        Assert.Equal(new Dictionary<string, int> { ["negative"] = 10, ["positive"] = 30 }, window.LabelCounts);
        Assert.Equal(window.LabelCounts, window.ModelLabelCounts["sentiment"]);
        var recent = await _pipeline.Source(key).GetRecentAsync(3);
        Assert.Equal(["c39", "c38", "c37"], recent.Select(c => c.Id));
        Assert.Equal("positive", recent[0].Predictions["sentiment"].Label);
    }

    [Fact]
    public async Task Stream_ClassifiedComments_KeepTheirPredictionsWithoutEmbeddingsInTheRecentList()
    {
        var key = NewSource();

        await _pipeline.PublishAsync(key, [Comment(key, "e1", "it is broken")]);
        await _pipeline.WaitForCountAsync(key, 1);

        var stored = Assert.Single(await _pipeline.Source(key).GetRecentAsync(10)).Predictions["sentiment"];
        Assert.Equal("negative", stored.Label);
        Assert.Null(stored.Embedding);
    }

    [Fact]
    public async Task Stream_RedeliveredComments_CountOnce()
    {
        var key = NewSource();
        var batch = Enumerable.Range(0, 10).Select(i => Comment(key, $"r{i}", "broken")).ToList();

        await _pipeline.PublishAsync(key, batch);
        await _pipeline.WaitForCountAsync(key, 10);
        await _pipeline.PublishAsync(key, batch.Take(5).Append(Comment(key, "marker", "fine")).ToList());
        var window = await _pipeline.WaitForCountAsync(key, 11);

        Assert.Equal(11, window.Count);
        Assert.Equal(10, window.NegativeCount);
    }

    [Fact]
    public async Task Stream_CommentsWithoutIds_GetDistinctIds()
    {
        var key = NewSource();

        await _pipeline.PublishAsync(key, [Comment(key, null, "same text"), Comment(key, null, "same text")]);
        await _pipeline.WaitForCountAsync(key, 2);

        var recent = await _pipeline.Source(key).GetRecentAsync(10);
        Assert.Equal(2, recent.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public async Task Stream_ManyChunksOfOneBatch_UpdateStateOnceAndCompleteTheTenantLedger()
    {
        var key = NewSource("tenant-ledger");
        var ledger = _pipeline.Grains.GetGrain<ITenantAdmissionGrain>(key.Tenant);
        var comments = Enumerable.Range(0, 100).Select(i => Comment(key, $"l{i}", "fine")).ToList();
        Assert.True((await ledger.AdmitAsync(key.Source, [.. comments.Select(c => c.Id!)])).Admitted);

        await _pipeline.PublishAsync(key, comments);
        await _pipeline.WaitForCountAsync(key, 100);

        var inFlight = await Eventually.WaitForAsync(() => ledger.GetInFlightAsync(), n => n == 0, "the ledger to be completed");
        Assert.Equal(0, inFlight);
        Assert.Contains(key.Source, await ledger.GetSourcesAsync());
    }

    [Fact]
    public async Task SetPolicy_Invalid_IsRejected()
    {
        var key = NewSource();

        await Assert.ThrowsAsync<ArgumentException>(() => _pipeline.Source(key).SetPolicyAsync(AlertPolicy.Default with { Threshold = 2 }));
        Assert.Equal(AlertPolicy.Default, await _pipeline.Source(key).GetPolicyAsync());
    }
}

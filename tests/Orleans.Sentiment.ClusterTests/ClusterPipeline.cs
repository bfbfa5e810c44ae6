using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Testing;
using Orleans.Streams;

namespace Orleans.Sentiment.ClusterTests;

/// <summary>What the cluster tests do with the pipeline: publish to a source's stream and read its grains.</summary>
internal sealed class ClusterPipeline(ClusterFixture fixture)
{
    private static int _sources;

    public static SourceKey NewSource(string tenant = "tenant-a") => new(tenant, $"source-{Interlocked.Increment(ref _sources)}");

    public static Comment Comment(SourceKey key, string? id, string text) =>
        new(key.Tenant, key.Source, id, text, ClusterFixture.Clock.GetUtcNow());

    public IGrainFactory Grains => fixture.Cluster.GrainFactory;

    public IFeedbackSourceGrain Source(SourceKey key) => Grains.GetGrain<IFeedbackSourceGrain>(key.ToString());

    public IAlertGrain Alerts(SourceKey key) => Grains.GetGrain<IAlertGrain>(key.ToString());

    public Task PublishAsync(SourceKey key, List<Comment> comments) =>
        fixture.Cluster.Client.GetStreamProvider(Constants.StreamProviderName)
            .GetStream<Comment>(StreamId.Create(Constants.CommentsNamespace, key.ToString()))
            .OnNextBatchAsync(comments);

    public Task<WindowSnapshot> WaitForCountAsync(SourceKey key, int count) =>
        Eventually.WaitForAsync(() => Source(key).GetWindowAsync(), w => w.Count >= count, $"{count} comments in the window of {key}");

    public Task<IReadOnlyList<AlertRecord>> WaitForHistoryAsync(SourceKey key, Func<IReadOnlyList<AlertRecord>, bool> reached, string description) =>
        Eventually.WaitForAsync(() => Alerts(key).GetHistoryAsync(100), reached, description);
}

using Orleans.Sentiment.Contracts.Training;
using Orleans.Sentiment.Grains.Training;

namespace Orleans.Sentiment.ClusterTests.Training;

public sealed class NoTrainerTests(NoTrainerFixture fixture) : IClassFixture<NoTrainerFixture>
{
    [Fact]
    public async Task Get_NoTrainerSilo_StaysQueuedAndSaysWhy()
    {
        var (job, script) = await fixture.StartJobAsync();

        var status = (await job.GetAsync())!;

        Assert.Equal(TrainingJobState.Queued, status.State);
        Assert.Contains("No trainer silo is active", status.Reason, StringComparison.Ordinal);
        Assert.Contains("silo/Dockerfile.trainer", status.Reason, StringComparison.Ordinal);
        Assert.Empty(script.Attempts);
        Assert.Empty(script.Events);
    }

    [Fact]
    public async Task Cancel_QueuedJob_CancelsItAndFailsTheVersion()
    {
        var (job, script) = await fixture.StartJobAsync();

        var cancelled = await job.CancelAsync();

        Assert.Equal(TrainingJobState.Cancelled, cancelled.State);
        Assert.Null(cancelled.StartedAt);
        Assert.Equal([$"failed:{Grains.Training.TrainingJobGrain.CancelledReason}"], script.Events);
        Assert.Equal(TrainingJobState.Cancelled, (await job.CancelAsync()).State);
    }

    [Fact]
    public async Task CheckLease_QueuedJobTheQueueListsAsRunning_PutsItBackFirstInLine()
    {
        var (job, _) = await fixture.StartJobAsync();
        var id = job.GetPrimaryKeyString();
        var queue = fixture.Cluster.Client.GetGrain<ITrainingQueueGrain>(TrainingQueue.Key);
        // As after a requeue whose call to the queue failed: the queue's grain was on a silo that had just died.
        await queue.TrackAsync(id, QueueSlot.Running);
        Assert.Equal(0, (await queue.DescribeAsync(id)).Position);

        await fixture.Cluster.Client.GetGrain<ITrainingJobRunGrain>(id).CheckLeaseAsync();

        Assert.Equal(1, (await queue.DescribeAsync(id)).Position);
        Assert.Equal(TrainingJobState.Queued, (await job.GetAsync())!.State);
    }
}

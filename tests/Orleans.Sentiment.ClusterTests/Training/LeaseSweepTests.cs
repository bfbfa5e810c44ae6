using Orleans.Runtime;
using Orleans.Sentiment.Contracts.Training;
using Orleans.Sentiment.Grains.Training;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.ClusterTests.Training;

/// <summary>
/// With no trainer left, a silo that trains nothing checks the running jobs' leases: a job whose trainer and whose
/// grain's silo are both gone is queued again although nobody reads it.
/// </summary>
public sealed class LeaseSweepTests(NoTrainerPairFixture fixture) : IClassFixture<NoTrainerPairFixture>
{
    [Fact]
    public async Task TrainerAndJobSiloGone_ASiloThatTrainsNothing_QueuesTheJobAgainUnread()
    {
        var doomed = fixture.Cluster.SecondarySilos[0];
        var job = await JobLivingOnAsync(doomed.SiloAddress);
        var jobId = job.GetPrimaryKeyString();
        // A trainer that takes the attempt and is never heard of again.
        Assert.NotNull(await fixture.Cluster.Client.GetGrain<ITrainingJobRunGrain>(jobId).BeginAttemptAsync("ghost-trainer"));
        var queue = fixture.Cluster.Client.GetGrain<ITrainingQueueGrain>(TrainingQueue.Key);
        Assert.Contains(jobId, await queue.RunningAsync());

        // Its grain's timer dies with the silo; only the other silo's sweep can find the lease expired.
        await fixture.Cluster.KillSiloAsync(doomed);

        await Eventually.WaitForAsync(() => TryRunningAsync(queue), running => running is not null && !running.Contains(jobId), "the surviving silo's sweep to take the job off the running list", TimeSpan.FromSeconds(90));
        var status = (await job.GetAsync())!;
        Assert.Equal(TrainingJobState.Queued, status.State);
        Assert.Contains("Attempt 1 lost its silo ghost-trainer (lease expired)", status.Reason, StringComparison.Ordinal);
    }

    /// <summary>Starts jobs until one's grain is placed on <paramref name="silo"/> (placement is the runtime's choice).</summary>
    private async Task<ITrainingJobGrain> JobLivingOnAsync(SiloAddress silo)
    {
        var management = fixture.Cluster.Client.GetGrain<IManagementGrain>(0);
        for (var tries = 0; tries < 40; tries++)
        {
            var (job, _) = await fixture.StartJobAsync();
            if (await management.GetActivationAddress(job) is { } host && host.Equals(silo))
            {
                return job;
            }
        }

        throw new InvalidOperationException($"No job grain was placed on {silo} in 40 tries.");
    }

    private static async Task<IReadOnlyList<string>?> TryRunningAsync(ITrainingQueueGrain queue)
    {
        try
        {
            return await queue.RunningAsync();
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            return null;
        }
    }
}

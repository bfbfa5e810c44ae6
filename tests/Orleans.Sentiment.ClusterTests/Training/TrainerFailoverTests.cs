using Orleans.Sentiment.Contracts.Training;
using Orleans.TestingHost;

namespace Orleans.Sentiment.ClusterTests.Training;

/// <summary>Trainer silos die mid-job: the lease runs out and the job runs again elsewhere, or fails naming the silo.</summary>
public sealed class TrainerFailoverTests(TwoTrainersFixture fixture) : IClassFixture<TwoTrainersFixture>
{
    [Fact]
    public async Task KillTrainerSilo_MidJob_ResumesOnTheOtherTrainerThenFailsWhenAttemptsRunOut()
    {
        var (job, script) = await fixture.StartJobAsync(s => s.IgnoresCancellation = true);
        var first = await TrainingClusterFixture.WaitForAsync(job, s => s.State == TrainingJobState.Training, "attempt 1 to train");

        await fixture.Cluster.KillSiloAsync(SiloOf(first));

        // The job shows the attempt as soon as it is assigned; the trainer starts it a moment later.
        var second = await TrainingClusterFixture.WaitForAsync(job, s => s.State == TrainingJobState.Training && s.Attempt == 2 && script.Attempts.Count == 2, "attempt 2 to train on the other trainer");
        Assert.NotEqual(first.Silo, second.Silo);

        await fixture.Cluster.KillSiloAsync(SiloOf(second));

        var failed = await TrainingClusterFixture.WaitForAsync(job, s => s.IsFinished, "the job to fail");
        Assert.Equal(TrainingJobState.Failed, failed.State);
        Assert.Contains($"Silo {second.Silo} stopped renewing the lease of attempt 2 of 2", failed.Reason, StringComparison.Ordinal);
        Assert.Contains(script.Events, e => e.StartsWith("failed:Silo ", StringComparison.Ordinal));
        script.Outcome.SetResult(FakeTraining.Trained()); // lets the hung attempts end; the failed job ignores them
        Assert.Equal(TrainingJobState.Failed, (await job.GetAsync())!.State);
    }

    private SiloHandle SiloOf(TrainingJobStatus status) => fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == status.Silo);
}

/// <summary>A trainer silo stops gracefully mid-job: it hands the attempt back, and the job runs at once elsewhere without using up an attempt.</summary>
public sealed class TrainerStopTests(StoppingTrainerFixture fixture) : IClassFixture<StoppingTrainerFixture>
{
    [Fact]
    public async Task StopTrainerSilo_MidJob_HandsTheJobBackWithoutUsingAnAttempt()
    {
        var (job, script) = await fixture.StartJobAsync();
        var first = await TrainingClusterFixture.WaitForAsync(job, s => s.State == TrainingJobState.Training, "the job to train");

        await fixture.Cluster.StopSiloAsync(fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == first.Silo));

        var again = await TrainingClusterFixture.WaitForAsync(job, s => s.State == TrainingJobState.Training && s.Silo != first.Silo && script.Attempts.Count == 2, "the job to train on the other trainer");
        Assert.Equal(1, again.Attempt);
        Assert.Contains($"Silo {first.Silo} stopped during attempt 1", again.Reason, StringComparison.Ordinal);
        script.Outcome.SetResult(FakeTraining.Trained());
        Assert.Equal(TrainingJobState.Succeeded, (await TrainingClusterFixture.WaitForAsync(job, s => s.IsFinished, "the job to finish")).State);
    }
}

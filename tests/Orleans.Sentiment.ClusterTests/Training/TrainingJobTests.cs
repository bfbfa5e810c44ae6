using Orleans.Sentiment.Contracts.Training;
using Orleans.Sentiment.Grains.Training;

namespace Orleans.Sentiment.ClusterTests.Training;

/// <summary>Jobs on one trainer silo that runs one job at a time.</summary>
public sealed class TrainingJobTests(OneTrainerFixture fixture) : IClassFixture<OneTrainerFixture>
{
    [Fact]
    public async Task Start_BeyondMaxConcurrentJobs_QueuesUntilTheRunningJobEnds()
    {
        var (first, firstScript) = await fixture.StartJobAsync();
        await TrainingClusterFixture.WaitForAsync(first, s => s.State == TrainingJobState.Training, "the first job to train");
        var (second, secondScript) = await fixture.StartJobAsync();

        var waiting = await TrainingClusterFixture.WaitForAsync(second, s => s.Reason?.Contains("position 1 of 1", StringComparison.Ordinal) == true, "the second job to wait first in line");
        Assert.Equal(TrainingJobState.Queued, waiting.State);
        Assert.Contains("Training:MaxConcurrentJobs", waiting.Reason, StringComparison.Ordinal);
        Assert.Empty(secondScript.Attempts);

        firstScript.Outcome.SetResult(FakeTraining.Trained("lora"));
        secondScript.Outcome.SetResult(FakeTraining.Trained());
        var done = await TrainingClusterFixture.WaitForAsync(first, s => s.IsFinished, "the first job to finish");
        await TrainingClusterFixture.WaitForAsync(second, s => s.IsFinished, "the second job to finish");
        Assert.Equal(TrainingJobState.Succeeded, done.State);
        Assert.Equal(["training", "trained:lora"], firstScript.Events);
        Assert.Equal(["training", "trained:head"], secondScript.Events);
    }

    [Fact]
    public async Task Get_WhileTraining_ShowsTheLatestProgress()
    {
        var (job, script) = await fixture.StartJobAsync();

        var running = await TrainingClusterFixture.WaitForAsync(job, s => s.Progress is not null, "progress to show");
        Assert.Equal(TrainingJobState.Training, running.State);
        Assert.Equal(new TrainingJobProgress("train", 1, 5, 20, 0.5, null), running.Progress);
        Assert.Equal(1, running.Attempt);
        Assert.NotNull(running.Silo);
        var attempt = Assert.Single(script.Attempts);
        Assert.Equal(new TrainingOptions().EffectiveThreads(Environment.ProcessorCount), attempt.Work.Threads);
        Assert.Equal(TimeSpan.FromMinutes(4), attempt.Work.MaxDuration);

        script.Outcome.SetResult(FakeTraining.Trained());
        await TrainingClusterFixture.WaitForAsync(job, s => s.State == TrainingJobState.Succeeded, "the job to succeed");
    }

    [Fact]
    public async Task Cancel_RunningJob_StopsTheTrainingAndFailsTheVersion()
    {
        var (job, script) = await fixture.StartJobAsync();
        await TrainingClusterFixture.WaitForAsync(job, s => s.State == TrainingJobState.Training && script.Attempts.Count == 1, "the job to train");

        var cancelled = await job.CancelAsync();

        Assert.Equal(TrainingJobState.Cancelled, cancelled.State);
        Assert.NotNull(cancelled.FinishedAt);
        // The cancel reaches the attempt with its next heartbeat (every half second here); the generous wait is for a
        // machine loaded by the other test projects, where this once took longer than 30 s.
        await script.Attempts[0].Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(["training", $"failed:{TrainingJobGrain.CancelledReason}"], script.Events);
        Assert.Equal(TrainingJobState.Cancelled, (await job.GetAsync())!.State);
    }

    [Fact]
    public async Task Start_DataTheTrainerRefuses_FailsWithItsReason()
    {
        var (job, script) = await fixture.StartJobAsync(s => s.DataError = "Label 'feature' has 3 examples; at least 8 per label are needed.");

        var failed = await TrainingClusterFixture.WaitForAsync(job, s => s.IsFinished, "the job to fail");

        Assert.Equal(TrainingJobState.Failed, failed.State);
        Assert.Equal("Label 'feature' has 3 examples; at least 8 per label are needed.", failed.Reason);
        Assert.Contains("failed:Label 'feature' has 3 examples; at least 8 per label are needed.", script.Events);
    }

    [Fact]
    public async Task Start_SameIdTwice_IsIdempotentAndADifferentSpecIsRefused()
    {
        var (job, script) = await fixture.StartJobAsync();
        var status = (await job.GetAsync())!;
        var spec = new TrainingJobSpec(status.Tenant, status.Model, status.VersionId, ["bug", "feature"], false, "builtin:minilm", "head", null, null, null, 42);

        var again = await job.StartAsync(spec);

        Assert.Equal(status.CreatedAt, again.CreatedAt);
        await Assert.ThrowsAsync<InvalidOperationException>(() => job.StartAsync(spec with { Seed = 7 }));
        script.Outcome.SetResult(FakeTraining.Trained());
        await TrainingClusterFixture.WaitForAsync(job, s => s.IsFinished, "the job to finish");
        Assert.Single(script.Attempts);
    }
}

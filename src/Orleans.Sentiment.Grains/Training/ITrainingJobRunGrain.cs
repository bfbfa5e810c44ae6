using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Contracts.Training;

namespace Orleans.Sentiment.Grains.Training;

/// <summary>
/// The trainer silos' side of a job (key: the job id): an attempt begins with a lease that its silo renews with
/// each heartbeat; calls from a silo whose attempt no longer holds the lease (cancelled, expired) change nothing.
/// </summary>
[Alias("sentiment.ITrainingJobRunGrain")]
public interface ITrainingJobRunGrain : IGrainWithStringKey
{
    /// <summary>Starts the next attempt on <paramref name="silo"/> if the job is queued; null when it is not (taken, cancelled, finished).</summary>
    [Alias("BeginAttempt")]
    Task<JobAssignment?> BeginAttemptAsync(string silo);

    /// <summary>Renews the lease and records progress; false when the attempt lost the job (cancelled or expired): stop it.</summary>
    [Alias("Heartbeat")]
    Task<bool> HeartbeatAsync(string silo, int attempt, TrainingJobProgress? progress);

    [Alias("Succeed")]
    Task SucceedAsync(string silo, int attempt, TrainedVersion trained);

    [Alias("Fail")]
    Task FailAsync(string silo, int attempt, string reason);

    /// <summary>A stopping silo hands its attempt back: the job is queued again, first in line, and the attempt does not count.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string silo, int attempt);

    /// <summary>
    /// Resolves an expired lease: the job is queued again (attempts left) or fails naming the silo. Called for the jobs
    /// the queue lists as running; one that is not running is put back in the queue, or out of it when finished.
    /// </summary>
    [Alias("CheckLease")]
    Task CheckLeaseAsync();
}

/// <summary>An attempt that began: what to train, and the attempt number its heartbeats and outcome carry.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.JobAssignment")]
public sealed record JobAssignment([property: Id(0)] TrainingJobSpec Spec, [property: Id(1)] int Attempt);

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Contracts.Training;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Grains.Training;

/// <summary>
/// A job's single authority: every change of its state happens here and is written to grain storage before the
/// tenant model or the queue hear of it, so the job outlives the silos that run it. An attempt holds a lease; an
/// expired lease (the silo died or hung) is resolved by whoever looks first — a read of the job, this grain's own
/// timer while it is active, or any silo's sweep of running jobs.
/// </summary>
public sealed partial class TrainingJobGrain(
    [PersistentState("trainingJob", Constants.StorageName)] IPersistentState<TrainingJobGrainState> state,
    IModelVersions versions,
    IOptions<TrainingOptions> options,
    TimeProvider time,
    TrainingMetrics metrics,
    ILogger<TrainingJobGrain> logger) : Grain, ITrainingJobGrain, ITrainingJobRunGrain
{
    public const string CancelledReason = "cancelled";

    private IGrainTimer? _leaseTimer;

    private TrainingJobGrainState Job => state.State;

    private ITrainingQueueGrain Queue => GrainFactory.GetGrain<ITrainingQueueGrain>(TrainingQueue.Key);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        WatchLease();
        return Task.CompletedTask;
    }

    public async Task<TrainingJobStatus> StartAsync(TrainingJobSpec spec)
    {
        Validate(spec);
        if (state.RecordExists)
        {
            if (!Job.Spec!.SameAs(spec))
            {
                throw new InvalidOperationException($"Job {this.GetPrimaryKeyString()} exists with a different spec.");
            }
        }
        else
        {
            Job.Spec = spec;
            Job.State = TrainingJobState.Queued;
            Job.CreatedAt = time.GetUtcNow();
            await state.WriteStateAsync();
            metrics.Entered(TrainingJobState.Queued);
            LogQueued(logger, this.GetPrimaryKeyString(), spec.Tenant);
        }

        // Also on a repeated start: the first may have stopped between the write and these.
        await GrainFactory.GetGrain<ITenantJobsGrain>(spec.Tenant).AddAsync(this.GetPrimaryKeyString());
        if (Job.State == TrainingJobState.Queued)
        {
            await Queue.TrackAsync(this.GetPrimaryKeyString(), QueueSlot.Queued);
        }

        return await StatusAsync();
    }

    public async Task<TrainingJobStatus?> GetAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        await ResolveExpiredLeaseAsync();
        return await StatusAsync();
    }

    public async Task<TrainingJobStatus> CancelAsync()
    {
        if (!state.RecordExists)
        {
            throw new KeyNotFoundException($"No job {this.GetPrimaryKeyString()}.");
        }

        if (!IsFinished)
        {
            await FinishAsync(TrainingJobState.Cancelled, CancelledReason);
        }

        return await StatusAsync();
    }

    public async Task<JobAssignment?> BeginAttemptAsync(string silo)
    {
        if (!state.RecordExists)
        {
            await Queue.TrackAsync(this.GetPrimaryKeyString(), QueueSlot.Gone);
            return null;
        }

        await ResolveExpiredLeaseAsync();
        if (Job.State != TrainingJobState.Queued)
        {
            // A stale queue entry (another silo took it, or it finished): set the queue straight.
            await Queue.TrackAsync(this.GetPrimaryKeyString(), Job.State == TrainingJobState.Training ? QueueSlot.Running : QueueSlot.Gone);
            return null;
        }

        var now = time.GetUtcNow();
        Job.State = TrainingJobState.Training;
        Job.Attempt++;
        Job.Silo = silo;
        Job.LeaseUntil = now + options.Value.LeaseDuration;
        Job.StartedAt = now;
        Job.Progress = null;
        await state.WriteStateAsync();
        metrics.Entered(TrainingJobState.Training);
        await Queue.TrackAsync(this.GetPrimaryKeyString(), QueueSlot.Running);
        WatchLease();
        try
        {
            await versions.MarkTrainingAsync(Job.Spec!);
        }
        catch (Exception exception) when (exception is OrleansMessageRejectionException or TimeoutException)
        {
            // The model's grain was on a silo that just died and the cluster has not noticed yet: try again from the
            // queue without using up an attempt, rather than fail a job that a resume was about to save.
            // The reason the job was queued again (a lost silo) stays: it is still why the job waits.
            Job.Attempt--;
            await RequeueAsync(Job.Reason ?? $"The model's version could not be reached to mark it as training ({exception.GetType().Name}); queued again.");
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await FinishAsync(TrainingJobState.Failed, $"The model's version could not be marked as training: {exception.Message}");
            return null;
        }

        LogAttempt(logger, this.GetPrimaryKeyString(), Job.Attempt, silo);
        return new JobAssignment(Job.Spec!, Job.Attempt);
    }

    public async Task<bool> HeartbeatAsync(string silo, int attempt, TrainingJobProgress? progress)
    {
        if (!Holds(silo, attempt))
        {
            return false;
        }

        Job.LeaseUntil = time.GetUtcNow() + options.Value.LeaseDuration;
        Job.Progress = progress ?? Job.Progress;
        await state.WriteStateAsync();
        return true;
    }

    public async Task SucceedAsync(string silo, int attempt, TrainedVersion trained)
    {
        if (!Holds(silo, attempt))
        {
            return;
        }

        try
        {
            await versions.CompleteAsync(Job.Spec!, trained);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await FinishAsync(TrainingJobState.Failed, $"The trained version could not be stored: {exception.Message}");
            return;
        }

        await FinishAsync(TrainingJobState.Succeeded, reason: null, tellModel: false);
    }

    public async Task FailAsync(string silo, int attempt, string reason)
    {
        if (Holds(silo, attempt))
        {
            await FinishAsync(TrainingJobState.Failed, reason);
        }
    }

    public async Task ReleaseAsync(string silo, int attempt)
    {
        if (!Holds(silo, attempt))
        {
            return;
        }

        Job.Attempt--;
        await RequeueAsync($"Silo {silo} stopped during attempt {attempt}; queued again.");
    }

    public async Task CheckLeaseAsync()
    {
        if (state.RecordExists)
        {
            await ResolveExpiredLeaseAsync();
        }

        // The queue lists this job as running (a sweep asks about no other). A job that no longer runs was queued again
        // or finished by a call that did not reach the queue (its silo died): set the queue straight, or a job queued
        // again waits in no queue.
        if (!state.RecordExists || Job.State != TrainingJobState.Training)
        {
            await Queue.TrackAsync(this.GetPrimaryKeyString(), state.RecordExists && Job.State == TrainingJobState.Queued ? QueueSlot.QueuedFirst : QueueSlot.Gone);
        }
    }

    private bool IsFinished => Job.State is TrainingJobState.Succeeded or TrainingJobState.Failed or TrainingJobState.Cancelled;

    private bool Holds(string silo, int attempt) =>
        state.RecordExists && Job.State == TrainingJobState.Training && Job.Silo == silo && Job.Attempt == attempt;

    private async Task ResolveExpiredLeaseAsync()
    {
        if (Job.State != TrainingJobState.Training || Job.LeaseUntil is not { } until || until >= time.GetUtcNow())
        {
            return;
        }

        var max = options.Value.MaxAttempts;
        LogLeaseExpired(logger, this.GetPrimaryKeyString(), Job.Attempt, Job.Silo);
        if (Job.Attempt >= max)
        {
            await FinishAsync(TrainingJobState.Failed,
                $"Silo {Job.Silo} stopped renewing the lease of attempt {Job.Attempt} of {max} (the silo died, hung or lost the cluster); Training:MaxAttempts is used up.");
            return;
        }

        metrics.Resumed();
        await RequeueAsync($"Attempt {Job.Attempt} lost its silo {Job.Silo} (lease expired); queued again for attempt {Job.Attempt + 1} of {max}.");
    }

    private async Task RequeueAsync(string reason)
    {
        Job.State = TrainingJobState.Queued;
        Job.Reason = reason;
        Job.LeaseUntil = null;
        Job.Progress = null;
        await state.WriteStateAsync();
        StopWatchingLease();
        metrics.Entered(TrainingJobState.Queued);
        await Queue.TrackAsync(this.GetPrimaryKeyString(), QueueSlot.QueuedFirst);
    }

    private async Task FinishAsync(TrainingJobState outcome, string? reason, bool tellModel = true)
    {
        var now = time.GetUtcNow();
        Job.State = outcome;
        Job.Reason = reason;
        Job.LeaseUntil = null;
        Job.FinishedAt = now;
        await state.WriteStateAsync();
        metrics.Entered(outcome);
        metrics.Finished(outcome, now - (Job.StartedAt ?? Job.CreatedAt));
        LogFinished(logger, this.GetPrimaryKeyString(), outcome);
        StopWatchingLease();
        await Queue.TrackAsync(this.GetPrimaryKeyString(), QueueSlot.Gone);
        if (!tellModel)
        {
            return;
        }

        try
        {
            await versions.FailAsync(Job.Spec!, reason ?? outcome.ToString());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The job's outcome is recorded; the model keeps its own view of the version.
            LogModelNotTold(logger, exception, this.GetPrimaryKeyString());
        }
    }

    private void StopWatchingLease()
    {
        _leaseTimer?.Dispose();
        _leaseTimer = null;
    }

    /// <summary>While an attempt runs and this activation lives, it resolves its own expired lease and stays active.</summary>
    private void WatchLease()
    {
        if (Job.State != TrainingJobState.Training || _leaseTimer is not null)
        {
            return;
        }

        var period = options.Value.HeartbeatInterval;
        _leaseTimer = this.RegisterGrainTimer(_ => ResolveExpiredLeaseAsync(), new GrainTimerCreationOptions { DueTime = period, Period = period, KeepAlive = true });
    }

    private async Task<TrainingJobStatus> StatusAsync()
    {
        var spec = Job.Spec!;
        var reason = Job.State == TrainingJobState.Queued ? Waiting(await Queue.DescribeAsync(this.GetPrimaryKeyString()), Job.Reason) : Job.Reason;
        return new TrainingJobStatus(
            this.GetPrimaryKeyString(), spec.Tenant, spec.Model, spec.VersionId, Job.State, reason, Job.Progress,
            Job.Silo, Job.Attempt, Job.CreatedAt, Job.StartedAt, Job.FinishedAt);
    }

    /// <summary>Why a queued job waits: its place, or that no trainer silo is there to take it.</summary>
    private static string Waiting(QueuePlace place, string? earlier)
    {
        var why = place.ActiveTrainers == 0
            ? "No trainer silo is active: start a silo with Orleans:Metadata:role 'trainer' from the trainer image (silo/Dockerfile.trainer), " +
              "or 'all' from a build that carries the trainer (the default `dotnet run --project silo`)."
            : $"Waiting for a free slot on {place.ActiveTrainers} trainer silo(s) (Training:MaxConcurrentJobs each): position {place.Position} of {place.Queued}.";
        return earlier is null ? why : $"{why} {earlier}";
    }

    private static void Validate(TrainingJobSpec spec)
    {
        if (!SourceKey.IsValidId(spec.Tenant) || !SourceKey.IsValidId(spec.Model))
        {
            throw new ArgumentException("The job's tenant and model must be valid ids (letters, digits, '.', '_' or '-').", nameof(spec));
        }

        if (string.IsNullOrWhiteSpace(spec.VersionId))
        {
            throw new ArgumentException("The job needs a version id.", nameof(spec));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId} of tenant {Tenant} queued")]
    private static partial void LogQueued(ILogger logger, string jobId, string tenant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: attempt {Attempt} began on silo {Silo}")]
    private static partial void LogAttempt(ILogger logger, string jobId, int attempt, string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {JobId}: attempt {Attempt} on silo {Silo} stopped renewing its lease")]
    private static partial void LogLeaseExpired(ILogger logger, string jobId, int attempt, string? silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {JobId}: the tenant model could not be told that its version failed")]
    private static partial void LogModelNotTold(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId} {Outcome}")]
    private static partial void LogFinished(ILogger logger, string jobId, TrainingJobState outcome);
}

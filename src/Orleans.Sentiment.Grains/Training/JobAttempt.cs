using Microsoft.Extensions.Logging;
using Orleans.Sentiment.Contracts.Training;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Grains.Training;

/// <summary>
/// One attempt of one job on this silo: reads the examples, trains on a low-priority thread while a heartbeat renews
/// the lease and carries the latest progress, and reports the outcome to the job grain. A lost lease (cancelled or
/// expired) stops the training; a stopping silo hands the attempt back, so the job runs again elsewhere at once.
/// </summary>
internal sealed partial class JobAttempt(
    string jobId,
    string silo,
    JobAssignment assignment,
    TrainerContext context)
{
    /// <summary>Progress reaches the job grain at most this often (each report is a state write).</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    private readonly ITrainingJobRunGrain _job = context.Grains.GetGrain<ITrainingJobRunGrain>(jobId);
    private TrainingJobProgress? _latest;
    private volatile bool _lost;

    public async Task RunAsync(CancellationToken stopping)
    {
        var options = context.Options;
        using var training = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        training.CancelAfter(options.HardLimit);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = HeartbeatAsync(training, heartbeatStop.Token);
        context.Metrics.RunningChanged(1);
        try
        {
            var examples = await context.Versions.ReadExamplesAsync(assignment.Spec);
            var work = new TrainingWork(assignment.Spec, examples, options.EffectiveThreads(Environment.ProcessorCount), options.MaxDuration);
            var progress = new LatestProgress(p => Volatile.Write(ref _latest, p));
            var trained = await LowPriorityThread.RunAsync(() => context.Trainer.TrainAsync(work, progress, training.Token), $"training {jobId}");
            await _job.SucceedAsync(silo, assignment.Attempt, trained);
        }
        catch (TrainingDataException exception)
        {
            await _job.FailAsync(silo, assignment.Attempt, exception.Message);
        }
        catch (OperationCanceledException) when (_lost)
        {
            LogStopped(context.Logger, jobId, "the job was cancelled or its lease expired");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            LogStopped(context.Logger, jobId, "the silo is stopping");
            await ReleaseAsync();
        }
        catch (OperationCanceledException)
        {
            await _job.FailAsync(silo, assignment.Attempt, $"Training ran past {options.HardLimit} and was stopped (Training:MaxDuration is {options.MaxDuration}).");
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            LogFailed(context.Logger, exception, jobId);
            await _job.FailAsync(silo, assignment.Attempt, $"Training failed: {exception.GetType().Name}: {exception.Message}");
        }
        finally
        {
            context.Metrics.RunningChanged(-1);
            await heartbeatStop.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>Hands the attempt back so another silo takes the job now; if the call fails, the lease runs out instead.</summary>
    private async Task ReleaseAsync()
    {
        try
        {
            await _job.ReleaseAsync(silo, assignment.Attempt);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReleaseFailed(context.Logger, exception, jobId);
        }
    }

    private async Task HeartbeatAsync(CancellationTokenSource training, CancellationToken stop)
    {
        var options = context.Options;
        var sent = context.Time.GetUtcNow();
        TrainingJobProgress? reported = null;
        using var ticks = new PeriodicTimer(ProgressInterval, context.Time);
        try
        {
            while (await ticks.WaitForNextTickAsync(stop))
            {
                var latest = Volatile.Read(ref _latest);
                var now = context.Time.GetUtcNow();
                if (ReferenceEquals(latest, reported) && now - sent < options.HeartbeatInterval)
                {
                    continue;
                }

                if (!await TryHeartbeatAsync(latest))
                {
                    _lost = true;
                    await training.CancelAsync();
                    return;
                }

                (sent, reported) = (now, latest);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>A failed call is not a lost lease: the next beat tries again, and the lease allows for several misses.</summary>
    private async Task<bool> TryHeartbeatAsync(TrainingJobProgress? progress)
    {
        try
        {
            return await _job.HeartbeatAsync(silo, assignment.Attempt, progress);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogHeartbeatFailed(context.Logger, exception, jobId);
            return true;
        }
    }

    /// <summary>Keeps the latest report, whatever thread reports it (<see cref="Progress{T}"/> would post to the training thread).</summary>
    private sealed class LatestProgress(Action<TrainingJobProgress> report) : IProgress<TrainingJobProgress>
    {
        public void Report(TrainingJobProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId} stopped on this silo: {Why}")]
    private static partial void LogStopped(ILogger logger, string jobId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {JobId}: the stopping silo could not hand the attempt back; its lease will run out")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {JobId}: a heartbeat did not reach the job")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, string jobId);
}

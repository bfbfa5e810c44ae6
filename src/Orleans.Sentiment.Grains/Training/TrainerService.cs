using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Grains.Placement;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Grains.Training;

/// <summary>
/// Runs training jobs on a silo whose role includes training, in a build that carries the trainer: it polls the
/// queue, begins up to Training:MaxConcurrentJobs attempts, and checks the leases of the cluster's other running
/// jobs so that a job whose silo died is resumed or failed even when nobody reads it. Every other silo checks those
/// leases too. A silo with role
/// <c>trainer</c> but no trainer refuses to start, naming the image to use.
/// </summary>
internal sealed partial class TrainerService(
    IServiceProvider services,
    IGrainFactory grains,
    ILocalSiloDetails localSilo,
    IModelVersions versions,
    IOptions<SiloRoleOptions> role,
    IOptions<TrainingOptions> options,
    TrainingMetrics metrics,
    TimeProvider time,
    ILogger<TrainerService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private IJobTrainer? _trainer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _trainer = (IJobTrainer?)services.GetService(typeof(IJobTrainer));
        if (_trainer is null && string.Equals(role.Value.Role, SiloRoles.Trainer, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "Orleans:Metadata:role is 'trainer', but this build carries no trainer (it was built with -p:SentimentTrainer=false, as the silo and " +
                "GPU images are). Run the trainer image (silo/Dockerfile.trainer, orleans-sentiment/silo-trainer) or a default build (dotnet run --project silo).");
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var settings = options.Value;
        var queue = grains.GetGrain<ITrainingQueueGrain>(TrainingQueue.Key);
        if (!role.Value.RunsTraining || _trainer is null)
        {
            if (role.Value.RunsTraining)
            {
                LogNoTrainer(logger);
            }

            await SweepOnlyAsync(queue, settings, stopping);
            return;
        }

        var silo = localSilo.SiloAddress.ToString();
        var context = new TrainerContext(grains, _trainer, versions, settings, metrics, time, logger);
        var swept = DateTimeOffset.MinValue;
        LogTrainer(logger, settings.MaxConcurrentJobs, settings.EffectiveThreads(Environment.ProcessorCount));
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var view = await queue.PollAsync(silo, settings.MaxConcurrentJobs - _running.Count);
                await BeginAsync(view.Queued, silo, context, stopping);
                if (time.GetUtcNow() - swept >= settings.HeartbeatInterval)
                {
                    swept = time.GetUtcNow();
                    await SweepAsync(view.Running);
                }
            }
            catch (Exception exception) when (!stopping.IsCancellationRequested)
            {
                LogPollFailed(logger, exception);
            }

            try
            {
                await Task.Delay(settings.PollInterval, time, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        // The attempts stop and hand their jobs back to the queue.
        await Task.WhenAll(_running.Values);
    }

    /// <summary>
    /// A silo that trains nothing still checks the running jobs' leases, so that with every trainer gone a job is
    /// queued again (or failed) rather than shown training until somebody reads it or a trainer comes back.
    /// </summary>
    private async Task SweepOnlyAsync(ITrainingQueueGrain queue, TrainingOptions settings, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.HeartbeatInterval, time, stopping);
                await SweepAsync(await queue.RunningAsync());
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPollFailed(logger, exception);
            }
        }
    }

    private async Task BeginAsync(IReadOnlyList<string> queued, string silo, TrainerContext context, CancellationToken stopping)
    {
        foreach (var jobId in queued)
        {
            if (_running.Count >= context.Options.MaxConcurrentJobs)
            {
                return;
            }

            var assignment = await grains.GetGrain<ITrainingJobRunGrain>(jobId).BeginAttemptAsync(silo);
            if (assignment is not null)
            {
                _running[jobId] = RunAsync(new JobAttempt(jobId, silo, assignment, context), jobId, stopping);
            }
        }
    }

    private async Task RunAsync(JobAttempt attempt, string jobId, CancellationToken stopping)
    {
        await Task.Yield();
        try
        {
            await attempt.RunAsync(stopping);
        }
        catch (Exception exception)
        {
            // Its outcome did not reach the job; the lease expires and the job is resumed or failed there.
            LogAttemptLost(logger, exception, jobId);
        }
        finally
        {
            _running.TryRemove(jobId, out _);
        }
    }

    private async Task SweepAsync(IReadOnlyList<string> running)
    {
        foreach (var jobId in running.Where(id => !_running.ContainsKey(id)))
        {
            await grains.GetGrain<ITrainingJobRunGrain>(jobId).CheckLeaseAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This silo runs training jobs: at most {Jobs} at once, {Threads} thread(s) each (0: all cores)")]
    private static partial void LogTrainer(ILogger logger, int jobs, int threads);

    [LoggerMessage(Level = LogLevel.Information, Message = "This build carries no trainer (built with -p:SentimentTrainer=false): this silo runs no training jobs")]
    private static partial void LogNoTrainer(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the training queue failed; trying again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Training job {JobId}: the attempt on this silo ended without reaching the job")]
    private static partial void LogAttemptLost(ILogger logger, Exception exception, string jobId);
}

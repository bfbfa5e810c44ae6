using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// Graceful drain. At shutdown the host calls <see cref="StoppingAsync"/> before it stops any service, so the web server
/// and the silo still run: readiness is already false and ingestion answers 503 (both watch ApplicationStopping), and
/// this waits until every admitted comment of the tenants on this silo is classified or dead-lettered, within two
/// thirds of Host:ShutdownTimeout (the rest is for the silo's own stop).
/// </summary>
public sealed partial class PipelineDrainService(SiloInFlight inFlight, IOptions<HostOptions> host, ILogger<PipelineDrainService> logger) : IHostedLifecycleService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var pending = inFlight.Count;
        if (pending == 0)
        {
            return;
        }

        LogDraining(logger, pending);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(host.Value.ShutdownTimeout * 2 / 3);
        if (await inFlight.WaitForDrainAsync(Poll, budget.Token))
        {
            LogDrained(logger, pending);
        }
        else
        {
            LogNotDrained(logger, inFlight.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: draining {Count} accepted comments before the silo stops")]
    private static partial void LogDraining(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Drained: {Count} comments classified or dead-lettered before shutdown")]
    private static partial void LogDrained(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Shutdown timeout reached with {Count} accepted comments still in flight (raise Host:ShutdownTimeout)")]
    private static partial void LogNotDrained(ILogger logger, long count);
}

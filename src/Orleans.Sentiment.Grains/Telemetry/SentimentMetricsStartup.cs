using Microsoft.Extensions.Hosting;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// Creates <see cref="SentimentMetrics"/> when the host starts rather than at the first comment, so its zero-valued
/// series are on /metrics before anything happens and Prometheus sees every later event as an increase.
/// </summary>
internal sealed class SentimentMetricsStartup(SentimentMetrics metrics) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(metrics);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

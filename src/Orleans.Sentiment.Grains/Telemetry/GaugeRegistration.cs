using Microsoft.Extensions.Hosting;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// Creates the observable gauges and the counters' zero-valued series at start-up, so the first scrape already shows
/// them and Prometheus sees every later event as an increase.
/// </summary>
internal sealed class GaugeRegistration(PipelineGauges pipeline, SourceSeries sources, SentimentMetrics counters) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(pipeline);
        GC.KeepAlive(sources);
        GC.KeepAlive(counters);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

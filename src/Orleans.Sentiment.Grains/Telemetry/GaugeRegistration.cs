using Microsoft.Extensions.Hosting;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>Creates the observable gauges at start-up, so the first scrape already shows them.</summary>
internal sealed class GaugeRegistration(PipelineGauges pipeline, SourceSeries sources) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(pipeline);
        GC.KeepAlive(sources);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Diagnostics.Metrics;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Sources;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>Gauges read when Prometheus scrapes: comments in flight on this silo and the process's peak memory.</summary>
public sealed class PipelineGauges
{
    public PipelineGauges(IMeterFactory meterFactory, SiloInFlight inFlight)
    {
        var meter = meterFactory.Create(Constants.MeterName);
        meter.CreateObservableGauge("orleans_sentiment_inflight_comments", () => inFlight.Count, "{comment}",
            "Comments admitted and not yet classified or dead-lettered, for the tenants whose ledger lives on this silo.");
        meter.CreateObservableGauge("orleans_sentiment_process_peak_rss", ReadPeakRss, "By",
            "Peak resident memory of the silo process (VmHWM), for benchmarks and capacity planning.");
    }

    private static long ReadPeakRss()
    {
        const string Prefix = "VmHWM:";
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
            var kilobytes = line?[Prefix.Length..].Trim().Split(' ')[0];
            return long.TryParse(kilobytes, out var kb) ? kb * 1024 : Environment.WorkingSet;
        }
        catch (IOException)
        {
            return Environment.WorkingSet;
        }
    }
}

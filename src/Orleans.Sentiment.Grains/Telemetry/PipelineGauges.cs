using System.Diagnostics.Metrics;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Grains.TenantModels;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// Gauges read when Prometheus scrapes: comments in flight on this silo, the process's memory (now and at its peak),
/// and the tenant models that serve.
/// </summary>
public sealed class PipelineGauges
{
    public PipelineGauges(IMeterFactory meterFactory, SiloInFlight inFlight, ActiveModelsCache servingModels)
    {
        var meter = meterFactory.Create(Constants.MeterName);
        meter.CreateObservableGauge("orleans_sentiment_inflight_comments", () => inFlight.Count, "{comment}",
            "Comments admitted and not yet classified or dead-lettered, for the tenants whose ledger lives on this silo.");
        meter.CreateObservableGauge("orleans_sentiment_process_peak_rss", () => ReadStatus("VmHWM:"), "By",
            "Peak resident memory of the silo process (VmHWM), for benchmarks and capacity planning.");
        meter.CreateObservableGauge("orleans_sentiment_process_rss", () => ReadStatus("VmRSS:"), "By",
            "Resident memory of the silo process now (VmRSS).");
        meter.CreateObservableGauge("orleans_sentiment_tenant_models_serving", () => servingModels.KnownServing, "{model}",
            "Tenant models with an active version, as this silo's copy of the serving versions last saw them.");
    }

    /// <summary>A memory figure of /proc/self/status in bytes; the working set where /proc is not there.</summary>
    private static long ReadStatus(string prefix)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
            var kilobytes = line?[prefix.Length..].Trim().Split(' ')[0];
            return long.TryParse(kilobytes, out var kb) ? kb * 1024 : Environment.WorkingSet;
        }
        catch (IOException)
        {
            return Environment.WorkingSet;
        }
    }
}

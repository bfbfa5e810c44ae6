using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>Per-source series limits (configuration section "Metrics").</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Most sources (with <c>exportMetrics: true</c>) exported with tenant and source labels, per silo.</summary>
    [Range(0, 100_000, ErrorMessage = "Metrics:MaxSourceSeries must be between {1} and {2}.")]
    public int MaxSourceSeries { get; set; } = 1_000;
}

using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>Per-source series limits (configuration section "Metrics").</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Most sources (with <c>exportMetrics: true</c>) exported with tenant and source labels, per silo.</summary>
    [Range(0, 100_000, ErrorMessage = "Metrics:MaxSourceSeries must be between {1} and {2}.")]
    public int MaxSourceSeries { get; set; } = 1_000;

    /// <summary>
    /// Most of those sources one tenant may hold on a silo, so one tenant's sources cannot take every series and
    /// leave other tenants' sources unexported. A value above <see cref="MaxSourceSeries"/> lets the silo cap bind
    /// first (so lowering the silo cap alone stays a valid configuration).
    /// </summary>
    [Range(0, 100_000, ErrorMessage = "Metrics:MaxSourceSeriesPerTenant must be between {1} and {2}.")]
    public int MaxSourceSeriesPerTenant { get; set; } = 100;
}

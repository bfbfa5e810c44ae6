using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains;

/// <summary>Bounds on what the pipeline holds in flight (configuration section "Ingestion", read by the tenant ledger).</summary>
public sealed class IngestionLimitsOptions
{
    public const string Section = "Ingestion";

    /// <summary>Comments of one tenant admitted but not yet classified or dead-lettered; beyond it, 429 with Retry-After.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Ingestion:MaxInFlightPerTenant must be between {1} and {2}.")]
    public int MaxInFlightPerTenant { get; set; } = 20_000;

    /// <summary>Comments in flight for all the tenants whose ledger lives on one silo; beyond it, 503.</summary>
    [Range(1, 100_000_000, ErrorMessage = "Ingestion:MaxInFlightPerSilo must be between {1} and {2}.")]
    public int MaxInFlightPerSilo { get; set; } = 100_000;

    /// <summary>Most sources one tenant may create; a comment for a new source beyond it gets 429.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Ingestion:MaxSourcesPerTenant must be between {1} and {2}.")]
    public int MaxSourcesPerTenant { get; set; } = 1_000;

    /// <summary>An admission not completed within this time is presumed lost and no longer counts as in flight.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "Ingestion:InFlightTimeout must be between {1} and {2}.")]
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

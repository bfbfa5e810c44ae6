using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains;

/// <summary>
/// Bounds on what the pipeline holds in flight (configuration section "Ingestion", read by the tenant ledger): what a
/// silo can classify within <see cref="BacklogHorizon"/> at its measured rate, shared between busy tenants, under the
/// fixed caps below (see <see cref="Sources.AdmissionPolicy"/>).
/// </summary>
public sealed class IngestionLimitsOptions
{
    public const string Section = "Ingestion";

    /// <summary>
    /// How much work, in time, a silo admits: its measured completion rate × this. Short enough that everything admitted
    /// is classified well within Sentiment:ClassificationDeadline and a stopping silo's drain (see
    /// <see cref="IngestionLimitsValidator"/>).
    /// </summary>
    public TimeSpan BacklogHorizon { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Comments a silo admits before it has measured its completion rate under load (a cold start).</summary>
    [Range(1, 10_000_000, ErrorMessage = "Ingestion:MinInFlight must be between {1} and {2}.")]
    public int MinInFlight { get; set; } = 500;

    /// <summary>Comments of one tenant admitted but not yet classified or dead-lettered, whatever the silo's rate; beyond it, 429 with Retry-After.</summary>
    [Range(1, 10_000_000, ErrorMessage = "Ingestion:MaxInFlightPerTenant must be between {1} and {2}.")]
    public int MaxInFlightPerTenant { get; set; } = 20_000;

    /// <summary>Comments in flight for all the tenants whose ledger lives on one silo, whatever its rate; beyond it, 503.</summary>
    [Range(1, 100_000_000, ErrorMessage = "Ingestion:MaxInFlightPerSilo must be between {1} and {2}.")]
    public int MaxInFlightPerSilo { get; set; } = 100_000;

    /// <summary>Most sources one tenant may create; a comment for a new source beyond it gets 429.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Ingestion:MaxSourcesPerTenant must be between {1} and {2}.")]
    public int MaxSourcesPerTenant { get; set; } = 1_000;

    /// <summary>An admission not completed within this time is presumed lost and no longer counts as in flight.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "Ingestion:InFlightTimeout must be between {1} and {2}.")]
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(10);
}

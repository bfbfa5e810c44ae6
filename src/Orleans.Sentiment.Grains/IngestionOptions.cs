using System.ComponentModel.DataAnnotations;
using Orleans.Sentiment.Grains.Ingestion;

namespace Orleans.Sentiment.Grains;

/// <summary>
/// What ingestion accepts (configuration section "Ingestion"): the limits of the ingestion and classify routes, and
/// the bounds on what the pipeline holds in flight, read by the tenant ledger: what a silo can classify within
/// <see cref="BacklogHorizon"/> at its measured rate, shared between busy tenants, under fixed caps (see
/// <see cref="Sources.AdmissionPolicy"/>).
/// </summary>
public sealed class IngestionOptions : IValidatableObject
{
    public const string Section = "Ingestion";

    /// <summary>Longest accepted comment, in characters.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Ingestion:MaxTextLength must be between {1} and {2}.")]
    public int MaxTextLength { get; set; } = 10_000;

    /// <summary>Most comments (or texts to classify) in one request.</summary>
    [Range(1, 100_000, ErrorMessage = "Ingestion:MaxBatchSize must be between {1} and {2}.")]
    public int MaxBatchSize { get; set; } = 1_000;

    /// <summary>Longest accepted comment id, in characters.</summary>
    [Range(1, 1_024, ErrorMessage = "Ingestion:MaxIdLength must be between {1} and {2}.")]
    public int MaxIdLength { get; set; } = 128;

    /// <summary>Largest request body, in bytes (any route); larger bodies are answered 413. Kestrel's limit is set to the same.</summary>
    [Range(1_024, 1L << 30, ErrorMessage = "Ingestion:MaxRequestBytes must be between {1} and {2}.")]
    public long MaxRequestBytes { get; set; } = 16L << 20;

    /// <summary>Requests per second each tenant may make (token bucket, bursts up to one second's worth); 0 turns the limit off.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Ingestion:RequestsPerSecondPerTenant must be between {1} and {2}.")]
    public int RequestsPerSecondPerTenant { get; set; } = 100;

    /// <summary>
    /// Texts per second each caller may send to <c>POST /v1/classify</c> (token bucket per tenant key, admin key or,
    /// without a key, client address); 0 turns the limit off. Counted in texts, not requests: a text costs a model
    /// call whatever request carries it, and one request may carry up to <see cref="MaxBatchSize"/> of them.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = "Ingestion:ClassifyTextsPerSecond must be between {1} and {2}.")]
    public int ClassifyTextsPerSecond { get; set; } = 100;

    /// <summary>How long an ingestion request's Idempotency-Key is remembered.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Ingestion:IdempotencyWindow must be between {1} and {2}.")]
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Most bytes of comments in one stream message. A batch is published as several messages under this budget: the
    /// memory stream's cache drops any message over its 1 MB buffer, together with the messages read with it.
    /// </summary>
    [Range(16 * 1024, 900 * 1024, ErrorMessage = "Ingestion:StreamMessageBytes must be between {1} and {2}.")]
    public int StreamMessageBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How much work, in time, a silo admits: its measured completion rate × this. Short enough that everything admitted
    /// is classified well within Sentiment:ClassificationDeadline and a stopping silo's drain (see
    /// <see cref="IngestionOptionsValidator"/>).
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

    /// <summary>The largest single comment, in UTF-8 bytes with its envelope, must fit one stream message.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var largestComment = StreamMessageBudget.EstimateBytes(MaxTextLength * 3, MaxIdLength * 3);
        if (largestComment > StreamMessageBytes)
        {
            yield return new ValidationResult(
                $"Ingestion:StreamMessageBytes ({StreamMessageBytes}) must hold the largest comment allowed by Ingestion:MaxTextLength and Ingestion:MaxIdLength ({largestComment} bytes).",
                [nameof(StreamMessageBytes)]);
        }
    }
}

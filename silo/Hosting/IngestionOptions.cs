using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Silo.Hosting;

/// <summary>Limits of the ingestion and classify routes (configuration section "Ingestion").</summary>
public sealed class IngestionOptions
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
}

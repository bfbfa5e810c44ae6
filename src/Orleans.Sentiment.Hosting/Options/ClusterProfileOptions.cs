using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Hosting.Options;

/// <summary>Which cluster the process joins (configuration section "Cluster").</summary>
public sealed class ClusterProfileOptions
{
    public const string Section = "Cluster";
    public const string Embedded = "embedded";
    public const string Production = "production";

    /// <summary><c>embedded</c>: one process, loopback clustering, memory streams and storage. <c>production</c>: Redis and NATS JetStream.</summary>
    [RegularExpression("^(?i)(embedded|production)$", ErrorMessage = "Cluster:Profile must be 'embedded' or 'production'.")]
    public string Profile { get; set; } = Embedded;

    public bool IsProduction => string.Equals(Profile, Production, StringComparison.OrdinalIgnoreCase);
}

using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Hosting.Options;

/// <summary>NATS JetStream carrying the comment stream in the production profile (configuration section "Nats").</summary>
public sealed class NatsSettings
{
    public const string Section = "Nats";

    /// <summary>NATS server URL(s), comma-separated, e.g. <c>nats://nats:4222</c>. Required by the production profile.</summary>
    public string? Url { get; set; }

    /// <summary>JetStream stream that holds the comments.</summary>
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$", ErrorMessage = "Nats:StreamName must be 1 to 64 letters, digits, '_' or '-'.")]
    public string StreamName { get; set; } = "orleans-sentiment";

    /// <summary>Stream partitions, each read by one Orleans pulling agent.</summary>
    [Range(1, 256, ErrorMessage = "Nats:Partitions must be between {1} and {2}.")]
    public int Partitions { get; set; } = 8;

    /// <summary>
    /// Messages one partition's pulling agent holds unacknowledged: JetStream's max-ack-pending, the fetch size and the
    /// agent's cache. A silo pulls no more than it can finish within JetStream's 30 s ack wait, so a backlog waits in
    /// the stream instead of being redelivered from silo memory again and again. The agent's cache acknowledges messages
    /// in groups of a tenth of this, once they and the older ones of the partition are processed.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Nats:MaxAckPending must be between {1} and {2}.")]
    public int MaxAckPending { get; set; } = 32;
}

namespace Orleans.Sentiment.Hosting.Options;

/// <summary>Redis for clustering and grain storage in the production profile (configuration section "Redis").</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis connection string, e.g. <c>redis:6379,password=...</c>. Required by the production profile.</summary>
    public string? ConnectionString { get; set; }
}

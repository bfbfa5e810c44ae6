using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Sentiment.Hosting.Storage;

namespace Orleans.Sentiment.Hosting.Health;

/// <summary>Ready while Redis (membership and grain storage) answers.</summary>
internal sealed class RedisCheck(RedisAvailability redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await redis.CheckAsync(cancellationToken) is { } problem ? HealthCheckResult.Unhealthy(problem) : HealthCheckResult.Healthy("Redis answers.");
}

using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// Per-tenant request rate (ASP.NET Core rate limiting): one token bucket per <c>{tenant}</c> route value, refilled
/// at <c>Ingestion:RequestsPerSecondPerTenant</c> tokens a second and holding one second's worth, so short bursts
/// pass. Beyond it: 429 with <c>Retry-After</c>, counted in <c>orleans_sentiment_requests_rejected_total{status="429"}</c>.
/// Routes without a tenant, and a setting of 0, are not limited.
/// </summary>
internal static class TenantRateLimiting
{
    public static IServiceCollection AddTenantRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<IngestionOptions>>((options, ingestion) =>
        {
            var perSecond = ingestion.Value.RequestsPerSecondPerTenant;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                perSecond > 0 && context.GetRouteValue("tenant") is string tenant
                    ? RateLimitPartition.GetTokenBucketLimiter(tenant, _ => Bucket(perSecond))
                    : RateLimitPartition.GetNoLimiter(""));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    public static TokenBucketRateLimiterOptions Bucket(int perSecond) => new()
    {
        TokenLimit = perSecond,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.RequestServices.GetRequiredService<SentimentMetrics>().RequestRejected(StatusCodes.Status429TooManyRequests);
        await TypedResults.Problem(
            title: "Too many requests.",
            detail: $"This tenant sends more than Ingestion:RequestsPerSecondPerTenant requests a second; retry after {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
    }
}

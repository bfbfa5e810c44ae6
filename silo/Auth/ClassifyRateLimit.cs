using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// <c>Ingestion:ClassifyTextsPerSecond</c>: one token bucket of texts per caller of <c>POST /v1/classify</c>, taken
/// once the body is parsed (its cost is its text count) and before any model work. A caller is the tenant of the key
/// presented, the admin key, or, without a key (<c>Auth:Mode=None</c>), the client address. The bucket refills at the
/// setting's rate and holds one second's worth or one request of <c>Ingestion:MaxBatchSize</c> texts, whichever is
/// more, so the largest valid request can always pass once the bucket is full. Buckets are per process.
/// </summary>
internal sealed class ClassifyRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly SentimentMetrics _metrics;
    private readonly int _perSecond;

    public ClassifyRateLimit(IOptions<IngestionOptions> options, SentimentMetrics metrics)
    {
        _metrics = metrics;
        _perSecond = options.Value.ClassifyTextsPerSecond;
        var capacity = Math.Max(_perSecond, options.Value.MaxBatchSize);
        _limiter = _perSecond == 0
            ? null
            : PartitionedRateLimiter.Create<string, string>(caller => RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = capacity,
                TokensPerPeriod = _perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Takes <paramref name="texts"/> from the caller's bucket; null when allowed, else the 429 to answer.</summary>
    public IResult? Refuse(HttpContext context, int texts)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(CallerOf(context), texts);
        if (lease.IsAcquired)
        {
            return null;
        }

        _metrics.RequestRejected(StatusCodes.Status429TooManyRequests);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        return new RetryAfterResult(TypedResults.Problem(
            title: "Too many texts to classify.",
            detail: $"This caller sends more than Ingestion:ClassifyTextsPerSecond ({_perSecond}) texts a second to /v1/classify; retry after the Retry-After delay.",
            statusCode: StatusCodes.Status429TooManyRequests), wait);
    }

    public void Dispose() => _limiter?.Dispose();

    private static string CallerOf(HttpContext context) =>
        context.User.FindFirst(ApiKeyAuthenticationHandler.TenantClaim)?.Value is { } tenant ? $"tenant:{tenant}"
        : context.User.HasClaim(ApiKeyAuthenticationHandler.AdminClaim, "true") ? "admin"
        : $"address:{ClientAddress.Of(context)}";
}

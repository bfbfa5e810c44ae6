using Microsoft.Net.Http.Headers;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// Runs before authentication: a request that presents a key from an address past
/// <c>Auth:FailedAuthenticationsPerMinute</c> gets 429 with <c>Retry-After</c>, without its key being hashed or
/// looked up. Counted in <c>orleans_sentiment_requests_rejected_total{status="429"}</c>; not logged per request.
/// </summary>
internal sealed class FailedAuthenticationGuard(RequestDelegate next, FailedAuthenticationLimit limit, SentimentMetrics metrics)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey(HeaderNames.Authorization) || limit.Blocked(ClientAddress.Of(context)) is not { } wait)
        {
            return next(context);
        }

        metrics.RequestRejected(StatusCodes.Status429TooManyRequests);
        return new RetryAfterResult(TypedResults.Problem(
            title: "Too many failed authentications.",
            detail: $"This address presented more than Auth:FailedAuthenticationsPerMinute ({limit.PerMinute}) unknown, revoked or malformed keys a minute; requests with a key are refused until the Retry-After delay has passed.",
            statusCode: StatusCodes.Status429TooManyRequests), wait).ExecuteAsync(context);
    }
}

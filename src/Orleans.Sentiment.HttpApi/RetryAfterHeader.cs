using System.Net.Http.Headers;

namespace Orleans.Sentiment.HttpApi;

/// <summary>
/// Reads a <c>Retry-After</c> header, given as seconds (what the silo sends) or as an HTTP date (what other servers,
/// Slack among them, may send). A date in the past means "now"; the caller caps how long it is willing to wait.
/// </summary>
public static class RetryAfterHeader
{
    /// <returns>The wait (never negative), or null when the answer has no usable Retry-After.</returns>
    public static TimeSpan? Delay(HttpResponseHeaders headers, DateTimeOffset now) => headers.RetryAfter switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}

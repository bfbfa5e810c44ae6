using Microsoft.Net.Http.Headers;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// The media types request bodies may have: <c>application/json</c>, <c>application/x-ndjson</c> and (for examples)
/// <c>text/csv</c>, UTF-8 only; <c>text/csv</c> is no CORS "simple" type, so a cross-site page still cannot post it.
/// Anything else (a form post, <c>text/plain</c> from a cross-site page, another charset) is refused with 415.
/// </summary>
internal static class BodyMediaType
{
    public enum Kind
    {
        None,
        Json,
        NdJson,

        /// <summary><c>text/csv</c>: read only by the routes that say so (examples).</summary>
        Csv,
        Unsupported,
    }

    public static Kind Of(HttpRequest request)
    {
        if (string.IsNullOrEmpty(request.ContentType))
        {
            return Kind.None;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            return Kind.Unsupported;
        }

        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Kind.Unsupported;
        }

        return type.MediaType.Value?.ToLowerInvariant() switch
        {
            ApiMediaTypes.Json => Kind.Json,
            ApiMediaTypes.NdJson => Kind.NdJson,
            ApiMediaTypes.Csv => Kind.Csv,
            _ => Kind.Unsupported,
        };
    }

    /// <summary>True when the request carries a body (a Content-Length above zero, or chunked).</summary>
    public static bool HasBody(HttpRequest request) =>
        request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody
        ?? request.ContentLength > 0;

    public const string Expected = "Send the body as application/json (or application/x-ndjson where a route says so), in UTF-8.";
}

using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// First line for every body: a POST/PUT/PATCH body must be JSON or NDJSON in UTF-8 (else 415, which also stops
/// a browser page from posting a form or a "simple" no-cors request cross-site), and a declared Content-Length
/// above <c>Ingestion:MaxRequestBytes</c> is answered 413 before a byte is read. Kestrel's own limit is set to the
/// same number, so a chunked body that grows past it fails as it is read.
/// </summary>
internal sealed class RequestBodyGuard(RequestDelegate next, IOptions<IngestionOptions> limits, SentimentMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method))
        {
            if (request.ContentLength > limits.Value.MaxRequestBytes)
            {
                metrics.RequestRejected(StatusCodes.Status413PayloadTooLarge);
                await Problems.TooLarge(context, limits.Value.MaxRequestBytes).ExecuteAsync(context);
                return;
            }

            if (BodyMediaType.HasBody(request) && BodyMediaType.Of(request) is BodyMediaType.Kind.None or BodyMediaType.Kind.Unsupported)
            {
                metrics.RequestRejected(StatusCodes.Status415UnsupportedMediaType);
                await Problems.UnsupportedMediaType(BodyMediaType.Expected).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }
}

using System.Collections.Concurrent;
using System.Net;
using Orleans.Sentiment.EndToEndTests.Tracing.Otlp;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests.Tracing;

/// <summary>
/// A real OTLP/HTTP trace receiver on loopback (what a collector listens on at :4318): it takes the protobuf export
/// requests a silo posts to <c>/v1/traces</c> and keeps every span with the resource that sent it.
/// </summary>
internal sealed class OtlpReceiver : LoopbackHttpServer
{
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<KeyValue> _resourceAttributes = new();

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; the exporter appends <c>/v1/traces</c>.</summary>
    public string Endpoint => BaseUrl;

    public IReadOnlyList<ReceivedSpan> Spans => _spans.ToArray();

    public IReadOnlyList<KeyValue> ResourceAttributes => _resourceAttributes.ToArray();

    protected override Task HandleAsync(HttpListenerContext context)
    {
        if (context.Request is { HttpMethod: "POST", Url.AbsolutePath: "/v1/traces" })
        {
            var request = ExportTraceServiceRequest.Parser.ParseFrom(context.Request.InputStream);
            foreach (var resource in request.ResourceSpans)
            {
                foreach (var attribute in resource.Resource?.Attributes ?? [])
                {
                    _resourceAttributes.Enqueue(attribute);
                }

                foreach (var scope in resource.ScopeSpans)
                {
                    foreach (var span in scope.Spans)
                    {
                        _spans.Enqueue(new ReceivedSpan(scope.Scope?.Name ?? "", span));
                    }
                }
            }

            // An empty ExportTraceServiceResponse: everything accepted.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
        }
        else
        {
            context.Response.StatusCode = 404;
        }

        return Task.CompletedTask;
    }
}

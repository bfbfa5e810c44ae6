using System.Collections.Concurrent;
using System.Net;
using Orleans.Sentiment.EndToEndTests.Tracing.Otlp;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests.Tracing;

/// <summary>
/// A real OTLP/HTTP trace receiver on loopback (what a collector listens on at :4318): it takes the protobuf export
/// requests a silo posts to <c>/v1/traces</c> and keeps every span with the resource that sent it.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<KeyValue> _resourceAttributes = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        var port = FreePort.Next();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add($"{Endpoint}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>; the exporter appends <c>/v1/traces</c>.</summary>
    public string Endpoint { get; }

    public IReadOnlyList<ReceivedSpan> Spans => _spans.ToArray();

    public IReadOnlyList<KeyValue> ResourceAttributes => _resourceAttributes.ToArray();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

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

            context.Response.Close();
        }
    }
}

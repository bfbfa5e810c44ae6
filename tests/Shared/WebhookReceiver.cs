using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Testing;

/// <summary>
/// A real HTTP server on loopback standing in for a Slack incoming webhook. It records every request body and
/// can be told to fail the first N requests, to exercise retries. Like many small receivers and proxies it
/// refuses bodies without a Content-Length (411).
/// </summary>
internal sealed class WebhookReceiver : LoopbackHttpServer
{
    private readonly ConcurrentQueue<JsonObject> _received = new();
    private int _failuresLeft;
    private int _requests;

    public WebhookReceiver(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        Url = $"{BaseUrl}/services/T000/B000/hook";
    }

    public string Url { get; }

    /// <summary>Bodies of the requests answered with 200.</summary>
    public IReadOnlyList<JsonObject> Received => _received.ToArray();

    /// <summary>Every request, failed ones included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        if (context.Request.ContentLength64 < 0)
        {
            context.Response.StatusCode = 411;
        }
        else if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            context.Response.StatusCode = 503;
        }
        else
        {
            _received.Enqueue(JsonNode.Parse(body)!.AsObject());
            context.Response.StatusCode = 200;
            await context.Response.OutputStream.WriteAsync("ok"u8.ToArray());
        }
    }
}

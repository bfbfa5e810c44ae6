using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Testing;

/// <summary>
/// A real HTTP server on loopback standing in for a Slack incoming webhook. It records every request body and
/// can be told to fail the first N requests, to exercise retries. Like many small receivers and proxies it
/// refuses bodies without a Content-Length (411).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<JsonObject> _received = new();
    private readonly Task _loop;
    private int _failuresLeft;
    private int _requests;

    public WebhookReceiver(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        var port = FreePort.Next();
        Url = $"http://127.0.0.1:{port}/services/T000/B000/hook";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>Bodies of the requests answered with 200.</summary>
    public IReadOnlyList<JsonObject> Received => _received.ToArray();

    /// <summary>Every request, failed ones included.</summary>
    public int Requests => Volatile.Read(ref _requests);

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

            context.Response.Close();
        }
    }
}

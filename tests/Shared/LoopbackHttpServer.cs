using System.Net;

namespace Orleans.Sentiment.Testing;

/// <summary>
/// A real HTTP server on a free loopback port, for the services a silo calls out to (a Slack webhook, an OTLP
/// collector). Each request is handled in turn and its response closed.
/// </summary>
internal abstract class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    protected LoopbackHttpServer()
    {
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        _listener.Prefixes.Add($"{BaseUrl}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Scheme, host and port, without a trailing slash.</summary>
    protected string BaseUrl { get; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Sets the response's status and body; the response is closed afterwards.</summary>
    protected abstract Task HandleAsync(HttpListenerContext context);

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

            await HandleAsync(context);
            context.Response.Close();
        }
    }
}

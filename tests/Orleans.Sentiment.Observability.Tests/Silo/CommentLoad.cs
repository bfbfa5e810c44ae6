using System.Net;
using System.Net.Http.Json;

namespace Orleans.Sentiment.Observability.Tests.Silo;

/// <summary>
/// Keeps posting small batches of comments to sources of one tenant until stopped, so rates stay non-zero while
/// Prometheus scrapes. Bounded: it stops by itself after <see cref="MaxBatches"/> batches per source.
/// </summary>
internal sealed class CommentLoad : IAsyncDisposable
{
    public const int MaxBatches = 3000;

    private static readonly string[] Texts =
    [
        "The app keeps crashing on start",
        "Lovely update, thank you",
        "Still waiting for my refund",
        "Works fine for me",
        "Great support team",
        "Search got faster",
        "The checkout page is broken",
        "Lovely design",
        "Nice and simple",
        "Good value",
    ];

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _accepted;

    /// <param name="pause">Pause between rounds; pacing of the load, not a wait for any state.</param>
    public CommentLoad(HttpClient http, string tenant, IReadOnlyList<string> sources, TimeSpan pause)
    {
        _loop = Task.Run(() => RunAsync(http, tenant, sources, pause, _stop.Token));
    }

    /// <summary>Comments accepted (202) so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(HttpClient http, string tenant, IReadOnlyList<string> sources, TimeSpan pause, CancellationToken stop)
    {
        var sequence = 0;
        for (var round = 0; round < MaxBatches && !stop.IsCancellationRequested; round++)
        {
            foreach (var source in sources)
            {
                var batch = Enumerable.Range(0, Texts.Length).Select(i => new { id = $"load-{sequence++}", text = Texts[i] }).ToArray();
                try
                {
                    using var response = await http.PostAsJsonAsync($"/v1/tenants/{tenant}/sources/{source}/comments", batch, stop);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        Interlocked.Add(ref _accepted, batch.Length);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
            }

            try
            {
                await Task.Delay(pause, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

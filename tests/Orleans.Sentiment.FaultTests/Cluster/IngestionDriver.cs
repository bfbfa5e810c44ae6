using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Orleans.Sentiment.FaultTests.Cluster;

/// <summary>
/// Posts comments with ids across sources the way a real client does: a batch that gets a 5xx, a 429 or a
/// connection error is sent again, whole and with the same ids, to the next entry point, until it is accepted
/// (202). Every fourth comment says "broken" (negative).
/// </summary>
public sealed class IngestionDriver(IReadOnlyList<Uri> entryPoints, IReadOnlyList<string> sources, int batchSize = 100, int workers = 4)
{
    public const string Tenant = "fault";
    private readonly ConcurrentDictionary<string, int> _accepted = new();
    private readonly ConcurrentDictionary<string, int> _acceptedNegative = new();
    private int _acceptedTotal;
    private int _lastBatch = -1;
    private int _retries;

    public int Accepted => Volatile.Read(ref _acceptedTotal);

    /// <summary>Requests that had to be sent again (5xx, 429 or connection errors).</summary>
    public int Retries => Volatile.Read(ref _retries);

    public IReadOnlyDictionary<string, int> AcceptedPerSource => _accepted;

    public IReadOnlyDictionary<string, int> NegativePerSource => _acceptedNegative;

    public static IReadOnlyList<string> Sources(int count) => Enumerable.Range(1, count).Select(i => $"source-{i}").ToArray();

    /// <summary>Sends <paramref name="total"/> comments as fast as the workers go.</summary>
    public Task RunAsync(int total, TimeSpan deadline) => RunAsync(batch => batch * batchSize < total, total, deadline, TimeSpan.Zero);

    /// <summary>
    /// Sends batches while <paramref name="more"/> says so (it gets the batch's number within this run; ids never
    /// repeat across runs of one driver), each worker pausing
    /// <paramref name="pacing"/> between batches so the load is steady rather than a flood.
    /// </summary>
    public async Task RunAsync(Func<int, bool> more, int total, TimeSpan deadline, TimeSpan pacing)
    {
        using var cancel = new CancellationTokenSource(deadline);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var first = Volatile.Read(ref _lastBatch) + 1;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var entry = worker;
            for (var batch = Interlocked.Increment(ref _lastBatch); more(batch - first); batch = Interlocked.Increment(ref _lastBatch))
            {
                entry = await SendUntilAcceptedAsync(http, batch, Math.Min(batchSize, total - ((batch - first) * batchSize)), entry, cancel.Token);
                if (pacing > TimeSpan.Zero)
                {
                    // Steady load for the duration of a fault, not a wait for a state.
                    await Task.Delay(pacing, cancel.Token);
                }
            }
        })));
    }

    private async Task<int> SendUntilAcceptedAsync(HttpClient http, int batch, int count, int entry, CancellationToken cancellationToken)
    {
        var source = sources[batch % sources.Count];
        var comments = Enumerable.Range(0, count)
            .Select(i => new { id = $"{source}-{batch}-{i}", text = i % 4 == 0 ? "the checkout is broken again" : "works fine for me" })
            .ToArray();
        var body = JsonSerializer.Serialize(comments);
        var pause = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var url = entryPoints[entry % entryPoints.Count];
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(url, $"/v1/tenants/{Tenant}/sources/{source}/comments"), content, cancellationToken);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    _accepted.AddOrUpdate(source, count, (_, n) => n + count);
                    _acceptedNegative.AddOrUpdate(source, (count + 3) / 4, (_, n) => n + ((count + 3) / 4));
                    Interlocked.Add(ref _acceptedTotal, count);
                    return entry;
                }

                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} to batch {batch}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Connection refused or reset (a silo died), or no answer in time: send the same batch again.
            }

            Interlocked.Increment(ref _retries);
            entry++;
            // Backoff between retries of a refused batch, as a client would; bounded by the driver's deadline.
            await Task.Delay(pause, cancellationToken);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 1000));
        }
    }
}

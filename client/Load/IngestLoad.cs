using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Client.Load;

/// <summary>
/// Drives the ingestion route with N clients for a duration, then waits until the tenant's windows and dead letters
/// account for every accepted comment (or the settle timeout passes) and reports what was lost.
/// </summary>
internal sealed class IngestLoad(IngestLoadOptions options, Action<string> progress) : IDisposable
{
    private readonly HttpClient _http = CreateClient(options);
    private readonly ConcurrentDictionary<string, long> _rejected = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly long[] _acceptedPerSource = new long[options.Sources];
    private long _requests;
    private long _accepted;

    public async Task<IngestLoadResult> RunAsync(CancellationToken cancellationToken)
    {
        await PrepareSourcesAsync(cancellationToken);
        var deadLetteredBefore = await DeadLetterTotalAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.Duration);
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(() => ClientAsync(client, stop.Token), CancellationToken.None)));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        progress(string.Create(CultureInfo.InvariantCulture, $"load done: {_accepted} comments accepted in {elapsed:F1} s; waiting for the pipeline to settle"));

        var (classified, deadLettered, settled) = await SettleAsync(deadLetteredBefore, cancellationToken);
        var latencies = _latencies.Order().ToArray();
        return new IngestLoadResult(options.Clients, elapsed, _requests, _accepted,
            _rejected.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Value), classified, deadLettered,
            _accepted - classified - deadLettered, _accepted / elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), settled,
            await PeakRssAsync(cancellationToken));
    }

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateClient(IngestLoadOptions options)
    {
        var http = new HttpClient { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(100) };
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        return http;
    }

    /// <summary>Windows as large as allowed, so each window's count is the number of comments the source classified.</summary>
    private async Task PrepareSourcesAsync(CancellationToken cancellationToken)
    {
        for (var s = 0; s < options.Sources; s++)
        {
            using var response = await _http.PutAsJsonAsync(SourcePath(s) + "/alert-policy", new { windowSize = 100_000, minCount = 100_000 }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Setting the policy of {SourcePath(s)} failed: HTTP {(int)response.StatusCode}.");
            }

            if ((await WindowCountAsync(s, cancellationToken)) != 0)
            {
                throw new InvalidOperationException($"Source {SourcePath(s)} already holds comments: use a fresh --tenant.");
            }
        }
    }

    private async Task ClientAsync(int client, CancellationToken stop)
    {
        var texts = new FeedbackTextGenerator(client);
        var sequence = 0;
        while (!stop.IsCancellationRequested)
        {
            var source = (client + sequence) % options.Sources;
            var batch = Enumerable.Range(0, options.BatchSize).Select(i => new { id = $"c{client}-{sequence}-{i}", text = texts.Next() }).ToArray();
            sequence++;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.PostAsJsonAsync(SourcePath(source) + "/comments", batch, CancellationToken.None);
                _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref _requests);
                if ((int)response.StatusCode == 202)
                {
                    Interlocked.Add(ref _accepted, batch.Length);
                    Interlocked.Add(ref _acceptedPerSource[source], batch.Length);
                }
                else
                {
                    _rejected.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                    await BackOffAsync(response, stop);
                }
            }
            catch (HttpRequestException)
            {
                _rejected.AddOrUpdate("connection", 1, (_, n) => n + 1);
            }
        }
    }

    private static async Task BackOffAsync(HttpResponseMessage response, CancellationToken stop)
    {
        var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(100);
        try
        {
            // A well-behaved client waits as told before the next request.
            await Task.Delay(wait < TimeSpan.FromSeconds(5) ? wait : TimeSpan.FromSeconds(5), stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<(long Classified, long DeadLettered, bool Settled)> SettleAsync(long deadLetteredBefore, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.SettleTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var classified = 0L;
            for (var s = 0; s < options.Sources; s++)
            {
                classified += await WindowCountAsync(s, cancellationToken);
            }

            var deadLettered = await DeadLetterTotalAsync(cancellationToken) - deadLetteredBefore;
            if (classified + deadLettered >= _accepted || Stopwatch.GetTimestamp() > deadline)
            {
                return (classified, deadLettered, classified + deadLettered >= _accepted);
            }

            // Polls the silo's own counts; the wait is for a state, bounded by --settle-timeout.
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private async Task<long> WindowCountAsync(int source, CancellationToken cancellationToken)
    {
        var window = await _http.GetFromJsonAsync<JsonObject>(SourcePath(source) + "/window", cancellationToken);
        return (long?)window?["count"] ?? 0;
    }

    private async Task<long> DeadLetterTotalAsync(CancellationToken cancellationToken)
    {
        var page = await _http.GetFromJsonAsync<JsonObject>($"v1/tenants/{options.Tenant}/dead-letters?limit=1", cancellationToken);
        return (long?)page?["total"] ?? 0;
    }

    private async Task<long?> PeakRssAsync(CancellationToken cancellationToken)
    {
        try
        {
            var metrics = await _http.GetStringAsync("metrics", cancellationToken);
            var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("orleans_sentiment_process_peak_rss_bytes", StringComparison.Ordinal));
            return line is null ? null : (long)double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private string SourcePath(int source) => $"v1/tenants/{options.Tenant}/sources/load-{source}";

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}

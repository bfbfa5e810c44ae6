using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Load;

/// <summary>
/// Drives the ingestion route with N clients for a duration, then waits until the tenant's windows and dead letters
/// account for every accepted comment (or the settle timeout passes) and reports what was lost.
/// </summary>
internal sealed class IngestLoad(IngestLoadOptions options, Action<string> progress) : IDisposable
{
    private readonly HttpClient _http = CreateClient(options);
    private PatientHttp Control => new(_http);
    private readonly ConcurrentDictionary<string, long> _rejected = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly long[] _acceptedPerSource = new long[options.Sources];
    private long _requests;
    private long _accepted;

    public async Task<IngestLoadResult> RunAsync(CancellationToken cancellationToken)
    {
        await PrepareSourcesAsync(cancellationToken);
        var quiet = options.QuietInterval is { } interval ? new QuietTenantProbe(_http, Control, options.Tenant + "-quiet", interval) : null;
        if (quiet is not null)
        {
            await quiet.PrepareAsync(cancellationToken);
        }

        var deadLetteredBefore = await DeadLetterTotalAsync(cancellationToken);
        var before = await SnapshotAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(options.Duration);
        var sampler = SampleInFlightAsync(stop.Token);
        var probing = quiet?.RunAsync(stop.Token) ?? Task.CompletedTask;
        await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(() => ClientAsync(client, stop.Token), CancellationToken.None)));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await probing;
        progress(string.Create(CultureInfo.InvariantCulture, $"load done: {_accepted} comments accepted in {elapsed:F1} s; waiting for the pipeline to settle"));

        var (classified, deadLettered, settled) = await SettleAsync(deadLetteredBefore, cancellationToken);
        var peakInFlight = await sampler;
        var settledSnapshot = await SnapshotAsync(cancellationToken);
        progress(string.Create(CultureInfo.InvariantCulture, $"settled; idling {options.IdleTime.TotalSeconds:F0} s before reading memory again"));
        await Task.Delay(options.IdleTime, cancellationToken);
        var idle = await SnapshotAsync(cancellationToken);

        var latencies = _latencies.Order().ToArray();
        var duplicates = settledSnapshot.Sum(s => s.Duplicates) - before.Sum(s => s.Duplicates);
        var reasons = settledSnapshot.SelectMany(s => s.FailedByReason).Concat(before.SelectMany(s => s.FailedByReason.Select(r => KeyValuePair.Create(r.Key, -r.Value))))
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, (long)g.Sum(r => r.Value)))
            .Where(r => r.Value != 0)
            .ToDictionary(StringComparer.Ordinal);
        var silos = options.MetricsUrls.Select((url, i) => new SiloMemory(url.ToString(), before[i].RssBytes, idle[i].PeakRssBytes, idle[i].RssBytes)).ToArray();
        return new IngestLoadResult(options.Clients, elapsed, _requests, _accepted,
            _rejected.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Value), classified, deadLettered,
            _accepted - classified - deadLettered, _accepted / elapsed, Percentile(latencies, 0.50), Percentile(latencies, 0.99), settled,
            idle.Select(s => s.PeakRssBytes).Max(), reasons, duplicates, peakInFlight, quiet?.Result(), silos);
    }

    private async Task<SiloSnapshot[]> SnapshotAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(options.MetricsUrls.Select(url => SiloSnapshot.ReadAsync(_http, url, cancellationToken)));

    /// <summary>The highest in-flight count (all silos together) seen while the load ran.</summary>
    private async Task<long> SampleInFlightAsync(CancellationToken stop)
    {
        var peak = 0L;
        while (!stop.IsCancellationRequested)
        {
            peak = Math.Max(peak, (await SnapshotAsync(CancellationToken.None)).Sum(s => s.InFlight));
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stop);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return peak;
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

    /// <summary>A window as large as allowed, so its count is the number of comments the source classified.</summary>
    public static readonly AlertPolicyDto LargeWindow = new(WindowSize: 100_000, Threshold: null, MinCount: 100_000, Cooldown: null, WebhookUrl: null);

    private async Task PrepareSourcesAsync(CancellationToken cancellationToken)
    {
        for (var s = 0; s < options.Sources; s++)
        {
            using var response = await Control.PutJsonAsync(ApiRoutes.Path(ApiRoutes.AlertPolicy, options.Tenant, SourceName(s)), LargeWindow, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Setting the policy of {options.Tenant}/{SourceName(s)} failed: HTTP {(int)response.StatusCode}.");
            }

            if ((await WindowCountAsync(s, cancellationToken)) != 0)
            {
                throw new InvalidOperationException($"Source {options.Tenant}/{SourceName(s)} already holds comments: use a fresh --tenant.");
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
            var batch = Enumerable.Range(0, options.BatchSize).Select(i => new IncomingComment($"c{client}-{sequence}-{i}", texts.Next(), null)).ToArray();
            sequence++;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.PostAsJsonAsync(ApiRoutes.Path(ApiRoutes.Comments, options.Tenant, SourceName(source)), batch, HttpApiJson.Options, CancellationToken.None);
                _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref _requests);
                if ((int)response.StatusCode == 202)
                {
                    Interlocked.Add(ref _accepted, batch.Length);
                    Interlocked.Add(ref _acceptedPerSource[source], batch.Length);
                }
                else
                {
                    _rejected.AddOrUpdate(await RejectionAsync(response), 1, (_, n) => n + 1);
                    await BackOffAsync(response, stop);
                }
            }
            catch (HttpRequestException)
            {
                _rejected.AddOrUpdate("connection", 1, (_, n) => n + 1);
            }
        }
    }

    /// <summary>The status and the problem's title ("429 Too many requests.", "429 Too many comments in flight for this tenant."): rate limit and admission apart.</summary>
    private static async Task<string> RejectionAsync(HttpResponseMessage response)
    {
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(HttpApiJson.Options);
            return problem?.Title is { } title ? $"{status} {title}" : status;
        }
        catch (System.Text.Json.JsonException)
        {
            return status;
        }
    }

    private static async Task BackOffAsync(HttpResponseMessage response, CancellationToken stop)
    {
        var wait = RetryAfterHeader.Delay(response.Headers, DateTimeOffset.UtcNow) ?? TimeSpan.FromMilliseconds(100);
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
        var window = await Control.GetJsonAsync<WindowDto>(ApiRoutes.Path(ApiRoutes.Window, options.Tenant, SourceName(source)), cancellationToken);
        return window?.Count ?? 0;
    }

    private async Task<long> DeadLetterTotalAsync(CancellationToken cancellationToken)
    {
        var page = await Control.GetJsonAsync<DeadLettersResponse>(ApiRoutes.Path(ApiRoutes.DeadLetters, options.Tenant) + "?limit=1", cancellationToken);
        return page?.Total ?? 0;
    }

    private static string SourceName(int source) => $"load-{source}";

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// Thousands of generated hostile requests against the real silo process: every answer is a 4xx (never a 5xx or a
/// dropped connection), the silo stays healthy, its peak memory stays bounded, and no window changes.
/// </summary>
public sealed class FuzzEndToEndTests : IAsyncLifetime
{
    private const int Requests = 3_000;
    private const int Concurrency = 8;
    private const int MaxRequestBytes = 512 * 1024;
    /// <summary>How far hostile requests may raise the silo's resident memory above what it held when ready.</summary>
    private const long MaxGrowthBytes = 300L << 20;
    private readonly string _model = Directory.CreateTempSubdirectory("fuzz-model-").FullName;
    private readonly string _corrections = Directory.CreateTempSubdirectory("fuzz-corrections-").FullName;
    private SiloProcess _silo = null!;

    public async Task InitializeAsync()
    {
        LexiconModelBuilder.Write(_model, ["negative", "positive"], [0f, 0.5f], new Dictionary<string, float[]> { ["refund"] = [20f, 0f] });
        _silo = await SiloProcess.StartAsync(new Dictionary<string, string>
        {
            ["Models:0:Name"] = "sentiment",
            ["Models:0:Path"] = _model,
            ["Ingestion:RequestsPerSecondPerTenant"] = "0",
            ["Ingestion:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Corrections:Directory"] = _corrections,
        });
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        Directory.Delete(_model, recursive: true);
        Directory.Delete(_corrections, recursive: true);
    }

    [Fact]
    public async Task HostileRequests_AllAnswered4xx_SiloHealthyBoundedAndWindowsUnchanged()
    {
        using var http = new HttpClient { BaseAddress = _silo.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var seed = await http.PostAsJsonAsync("/v1/tenants/fuzz/sources/seed/comments", Enumerable.Range(0, 5).Select(i => new { id = $"s{i}", text = $"refund {i}" }));
        Assert.Equal(HttpStatusCode.Accepted, seed.StatusCode);
        await WindowCountAsync(http, 5);
        var before = await http.GetStringAsync("/metrics");
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var watch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(
            HostileRequests.Generate(seed: 20261127, Requests, "fuzz", "seed", MaxRequestBytes),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (@case, cancellationToken) =>
            {
                try
                {
                    using var response = await http.SendAsync(ToRequest(@case), cancellationToken);
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
                    if ((int)response.StatusCode is < 400 or >= 500)
                    {
                        failures.Enqueue($"{(int)response.StatusCode} for {@case}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failures.Enqueue($"{e.Message} {e.InnerException?.Message} for {@case}");
                }
            });

        watch.Stop();
        Assert.True(failures.IsEmpty, $"{failures.Count} requests not answered 4xx, e.g.:\n{string.Join("\n", failures.Take(10))}\nSilo errors:\n{SiloErrors()}");
        Assert.Equal(Requests, statuses.Values.Sum());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        var peak = _silo.Memory().Peak;
        Assert.True(_silo.GrowthSinceReady() < MaxGrowthBytes, $"peak RSS {peak >> 20} MB, {_silo.GrowthSinceReady() >> 20} MB above the {_silo.ReadyMemory >> 20} MB at ready");
        Assert.Empty(Directory.GetFiles(_corrections));

        // A marker after the storm lands on top of exactly the seeded comments: nothing hostile got into the window,
        // and the only comment ingested since the seed is the marker.
        using var marker = await http.PostAsJsonAsync("/v1/tenants/fuzz/sources/seed/comments", new[] { new { id = "marker", text = "after the storm" } });
        Assert.Equal(6, await WindowCountAsync(http, 6));
        var after = await Eventually.WaitForAsync(() => http.GetStringAsync("/metrics"), m => Ingested(before, m) >= 1, "the marker in the metrics");
        Assert.Equal(1, Ingested(before, after));
        var sources = await http.GetFromJsonAsync<JsonObject>("/v1/tenants/fuzz/sources/seed/comments?limit=20");
        Assert.Equal(6, sources!["comments"]!.AsArray().Count);
        Console.WriteLine($"{Requests} hostile requests in {watch.Elapsed.TotalSeconds:0.0} s; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; silo peak RSS {peak >> 20} MB");
    }

    private static double Ingested(string before, string after) =>
        MetricsScrape.Sum(after, "orleans_sentiment_comments_ingested_total") - MetricsScrape.Sum(before, "orleans_sentiment_comments_ingested_total");

    private string SiloErrors() =>
        string.Join("\n", _silo.Output.Split('\n').SkipWhile(l => !l.StartsWith("fail:", StringComparison.Ordinal)).Take(12));

    private static async Task<int> WindowCountAsync(HttpClient http, int expected)
    {
        var window = await Eventually.WaitForAsync(() => http.GetFromJsonAsync<JsonObject>("/v1/tenants/fuzz/sources/seed/window")!, w => (int?)w!["count"] >= expected, $"{expected} comments");
        return (int)window!["count"]!;
    }

    private static HttpRequestMessage ToRequest(HostileRequests.Case @case)
    {
        var request = new HttpRequestMessage(new HttpMethod(@case.Method), @case.Path);
        if (@case.Body is not null)
        {
            request.Content = new ByteArrayContent(@case.Body);
            request.Content.Headers.ContentType = @case.ContentType is null ? null : MediaTypeHeaderValue.TryParse(@case.ContentType, out var type) ? type : null;
            if (@case.ContentType is not null && request.Content.Headers.ContentType is null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", @case.ContentType);
            }
        }

        foreach (var (name, value) in @case.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}

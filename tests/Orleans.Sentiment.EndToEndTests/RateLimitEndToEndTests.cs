using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>A silo (no keys: loopback) allowing one request a second per tenant and one classified text a second per client address.</summary>
public sealed class RateLimitedSiloFixture : IAsyncLifetime
{
    public const int MaxBatchSize = 3;

    private readonly string _model = Directory.CreateTempSubdirectory("rate-model-").FullName;

    public SiloProcess Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        LexiconModelBuilder.Write(_model, ["negative", "positive"], [0f, 0.5f], new Dictionary<string, float[]> { ["refund"] = [20f, 0f] });
        Silo = await SiloProcess.StartAsync(new Dictionary<string, string>
        {
            ["Models:0:Name"] = "sentiment",
            ["Models:0:Path"] = _model,
            ["Ingestion:RequestsPerSecondPerTenant"] = "1",
            ["Ingestion:ClassifyTextsPerSecond"] = "1",
            ["Ingestion:MaxBatchSize"] = MaxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Http = new HttpClient { BaseAddress = Silo.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        Directory.Delete(_model, recursive: true);
    }
}

/// <summary>The per-tenant request rate (ASP.NET Core rate limiting) and the CLI's retries against it.</summary>
public sealed class RateLimitEndToEndTests(RateLimitedSiloFixture fixture) : IClassFixture<RateLimitedSiloFixture>
{
    private HttpClient Http => fixture.Http;

    private SiloProcess Silo => fixture.Silo;

    [Fact]
    public async Task Requests_OverTheTenantRate_Answer429WithRetryAfterAndLeaveOtherTenantsAlone()
    {
        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Http.GetAsync("/v1/tenants/busy/sources/app/window")));
        using var other = await Http.GetAsync("/v1/tenants/quiet/sources/app/window");
        using var classify = await Http.PostAsJsonAsync("/v1/classify", new { texts = new[] { "hi" } });
        var metrics = await Http.GetStringAsync("/metrics");

        var rejected = burst.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(rejected.Count >= 8, $"{rejected.Count} of 10 rejected");
        Assert.All(rejected, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), r.Headers.RetryAfter?.ToString()));
        Assert.All(rejected, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, classify.StatusCode);
        Assert.True(MetricsScrape.Sum(metrics, "orleans_sentiment_requests_rejected_total", "status", "429") >= rejected.Count, metrics);
        burst.ToList().ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Classify_WithoutKeysOverTheAddressTextRate_Answers429AndSparesOtherAddresses()
    {
        using var busy = SourceAddressClient.Create(Silo.BaseUrl, "127.0.0.2");
        using var quiet = SourceAddressClient.Create(Silo.BaseUrl, "127.0.0.3");
        var full = new { texts = Enumerable.Range(0, RateLimitedSiloFixture.MaxBatchSize).Select(i => $"text {i}").ToArray() };

        // Both at once: the bucket holds one full request, so one of them is refused however long the model takes.
        var both = await Task.WhenAll(busy.PostAsJsonAsync("/v1/classify", full), busy.PostAsJsonAsync("/v1/classify", full));
        using var first = both.Single(r => r.StatusCode != HttpStatusCode.TooManyRequests);
        using var second = both.Single(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        using var other = await quiet.PostAsJsonAsync("/v1/classify", full);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), second.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task CliIngest_RateLimited_RetriesAfterRetryAfterAndCountsEachCommentOnce()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rate-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, ["refund one", "fine two", "refund three", "fine four"]);
        try
        {
            var before = await Http.GetStringAsync("/metrics");

            var result = await CliProcess.RunAsync("ingest", file, "--tenant", "cli-rate", "--source", "app", "--batch-size", "1", "--url", Silo.BaseUrl.ToString());
            // Polled through the same tenant's rate limit: a 429 just means "ask again".
            var count = await Eventually.WaitForAsync(() => WindowCountAsync("cli-rate"), c => c >= 4, "four comments");
            var after = await Http.GetStringAsync("/metrics");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("Accepted 4 comments", result.Output);
            Assert.Equal(4, count);
            Assert.Equal(4, MetricsScrape.Sum(after, "orleans_sentiment_comments_ingested_total") - MetricsScrape.Sum(before, "orleans_sentiment_comments_ingested_total"));
            Assert.True(MetricsScrape.Sum(after, "orleans_sentiment_requests_rejected_total") > MetricsScrape.Sum(before, "orleans_sentiment_requests_rejected_total"), "no request was rate limited, so no retry was tested");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<int> WindowCountAsync(string tenant)
    {
        using var response = await Http.GetAsync($"/v1/tenants/{tenant}/sources/app/window");
        return response.StatusCode == HttpStatusCode.TooManyRequests ? -1 : (int?)(await response.Content.ReadFromJsonAsync<JsonObject>())!["count"] ?? -1;
    }
}

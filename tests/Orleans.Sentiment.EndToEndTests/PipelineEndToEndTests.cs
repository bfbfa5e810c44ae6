using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

[Collection(SiloCollection.Name)]
public sealed class PipelineEndToEndTests(SiloFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Ingest_FiveHundredComments_ExactWindowOneSlackAlertAndMetrics()
    {
        await using var slack = new WebhookReceiver();
        var before = await Http.GetStringAsync("/metrics");
        var policy = await Http.PutAsJsonAsync("/v1/tenants/acme/sources/app-store/alert-policy",
            new { windowSize = 500, threshold = 0.10, minCount = 50, cooldown = "PT15M", webhookUrl = slack.Url });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);

        // 3 of every 10 comments are complaints: 150 of 500.
        var comments = Enumerable.Range(0, 500)
            .Select(i => new { id = $"c-{i}", text = i % 10 < 3 ? $"Still waiting for my refund, order {i}" : $"Lovely service, thank you ({i})" })
            .ToList();
        foreach (var batch in comments.Chunk(100))
        {
            var response = await Http.PostAsJsonPolitelyAsync("/v1/tenants/acme/sources/app-store/comments", batch);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal(100, (int?)body!["accepted"]);
            Assert.Equal(batch.Select(c => c.id), body["ids"]!.AsArray().Select(id => (string?)id));
        }

        var window = await Eventually.WaitForAsync(() => GetJsonAsync("/v1/tenants/acme/sources/app-store/window"), w => (int?)w["count"] == 500, "all 500 comments in the window");
        Assert.Equal(150, (int?)window["negativeCount"]);
        Assert.Equal(0.3, (double?)window["negativeRatio"]);
        Assert.Equal(150, (int?)window["labelCounts"]!["negative"]);
        Assert.Equal(350, (int?)window["labelCounts"]!["positive"]);
        Assert.True((bool?)window["alerting"]);

        var after = await Eventually.WaitForAsync(() => Http.GetStringAsync("/metrics"), m => Delta(before, m, "orleans_sentiment_alerts_sent_total") >= 1, "the alert to be delivered");
        var alert = Assert.Single(slack.Received);
        Assert.Matches(@"^High negative feedback on acme/app-store: \d+/\d+ negative in the last \d+ comments$", (string?)alert["text"]);
        Assert.Equal(1, Delta(before, after, "orleans_sentiment_alerts_raised_total"));
        Assert.Equal(500, Delta(before, after, "orleans_sentiment_comments_ingested_total"));
        Assert.Equal(500, Delta(before, after, "orleans_sentiment_comments_classified_total"));
        Assert.Contains("orleans_sentiment_classification_duration_seconds_bucket", after);
        Assert.Contains("orleans_sentiment_classification_batch_size_bucket", after);
        Assert.Contains(after.Split('\n'), line => line.StartsWith("orleans_", StringComparison.Ordinal) && !line.StartsWith("orleans_sentiment_", StringComparison.Ordinal));
        Assert.DoesNotContain("acme", after);
        Assert.DoesNotContain("Still waiting for my refund", fixture.Silo.Output);
    }

    [Fact]
    public async Task Comments_AfterIngest_ReturnsNewestFirstWithPredictions()
    {
        var ingest = await Http.PostAsJsonAsync("/v1/tenants/acme/sources/recent/comments",
            new[] { new { id = "a", text = "The app keeps crashing" }, new { id = "b", text = "Nice update" } });
        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        await Eventually.WaitForAsync(() => GetJsonAsync("/v1/tenants/acme/sources/recent/window"), w => (int?)w["count"] == 2, "two comments");

        var recent = await GetJsonAsync("/v1/tenants/acme/sources/recent/comments?limit=2");

        var items = recent["comments"]!.AsArray();
        Assert.Equal(["b", "a"], items.Select(i => (string?)i!["id"]));
        var prediction = items[1]!["predictions"]!["sentiment"]!;
        Assert.Equal("negative", (string?)prediction["label"]);
        Assert.Equal(2, prediction["logits"]!.AsArray().Count);
        Assert.Equal(2, prediction["scores"]!.AsObject().Count);
    }

    [Fact]
    public async Task Classify_Texts_ReturnsOnePredictionPerTextInOrder()
    {
        var response = await Http.PostAsJsonAsync("/v1/classify", new { texts = new[] { "Lovely staff", "My refund never came" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["positive", "negative"], results.Select(r => (string?)r!["predictions"]!["sentiment"]!["label"]));
    }

    [Fact]
    public async Task AlertPolicy_Put_RoundTripsAndAcceptsHhMmSsCooldown()
    {
        var put = await Http.PutAsJsonAsync("/v1/tenants/acme/sources/policy/alert-policy", new { windowSize = 50, threshold = 0.2, minCount = 5, cooldown = "00:05:00" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var policy = await GetJsonAsync("/v1/tenants/acme/sources/policy/alert-policy");

        Assert.Equal(50, (int?)policy["windowSize"]);
        Assert.Equal(0.2, (double?)policy["threshold"]);
        Assert.Equal("PT5M", (string?)policy["cooldown"]);
    }

    [Fact]
    public async Task Health_LiveAndReady_AnswerOk()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Window_BaselinePolicy_ShowsTheShareLearntFromTheCommentsThatLeftIt()
    {
        var policy = await Http.PutAsJsonAsync("/v1/tenants/acme/sources/baseline-window/alert-policy",
            new { windowSize = 5, minCount = 5, detector = "baseline", minBaseline = 10, cooldown = "PT15M" });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        var stored = await GetJsonAsync("/v1/tenants/acme/sources/baseline-window/alert-policy");
        Assert.Equal(("baseline", 10), ((string?)stored["detector"], (int?)stored["minBaseline"]));

        // Twelve comments, one in four a complaint: the first seven have left the window of five.
        var comments = Enumerable.Range(0, 12).Select(i => new { id = $"w-{i}", text = i % 4 == 0 ? "refund please" : "all good" }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsJsonPolitelyAsync("/v1/tenants/acme/sources/baseline-window/comments", comments)).StatusCode);

        var window = await Eventually.WaitForAsync(() => GetJsonAsync("/v1/tenants/acme/sources/baseline-window/window"), w => (long?)w["baselineComments"] == 7, "seven comments learnt");
        Assert.Equal(5, (int?)window["count"]);
        Assert.InRange((double)window["baseline"]!, 2.0 / 7 - 0.05, 2.0 / 7 + 0.05);
    }

    private async Task<JsonObject> GetJsonAsync(string path) => (await Http.GetFromJsonAsync<JsonObject>(path))!;

    private static double Delta(string before, string after, string name) => MetricsScrape.Sum(after, name) - MetricsScrape.Sum(before, name);
}

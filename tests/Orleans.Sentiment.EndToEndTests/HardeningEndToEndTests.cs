using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>Issue 7 against the real silo: nothing accepted is lost, alerts page once, policies are bounded.</summary>
[Collection(SiloCollection.Name)]
public sealed class HardeningEndToEndTests(SiloFixture fixture)
{
    private HttpClient Http => fixture.Http;

    [Fact]
    public async Task Ingest_OneMegabyteBatchBesideManySmallOnes_CountsEveryComment()
    {
        // 120 comments of 9,990 characters: 1.2 MB, more than the memory stream cache's 1 MB buffer in one message.
        var big = Enumerable.Range(0, 120).Select(i => new { id = $"big-{i}", text = $"{i} " + new string('x', 9_980) + " refund" }).ToArray();
        var small = Enumerable.Range(0, 60).Select(s => Http.PostAsJsonPolitelyAsync($"/v1/tenants/bulk/sources/small-{s}/comments",
            Enumerable.Range(0, 5).Select(i => new { id = $"s{s}-{i}", text = "fine" }).ToArray()));

        var responses = await Task.WhenAll(small.Prepend(Http.PostAsJsonPolitelyAsync("/v1/tenants/bulk/sources/big/comments", big)));

        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Accepted).ToArray();
        Assert.True(refused.Length == 0, string.Join("\n", await Task.WhenAll(refused.Select(async r => $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}"))));
        var window = await Eventually.WaitForAsync(() => WindowAsync("bulk", "big"), w => (int?)w["count"] == 100, "the big batch in its window");
        Assert.Equal(100, (int?)window["negativeCount"]); // windowSize 100 holds the last 100 of 120
        for (var s = 0; s < 60; s++)
        {
            var name = $"small-{s}";
            await Eventually.WaitForAsync(() => WindowAsync("bulk", name), w => (int?)w["count"] == 5, $"5 comments in {name}");
        }
    }

    [Fact]
    public async Task AlertPolicy_ZeroCooldown_IsRejectedNamingCooldown()
    {
        var put = await Http.PutAsJsonAsync("/v1/tenants/acme/sources/storm/alert-policy", new { cooldown = "PT0S" });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        var problem = await put.Content.ReadFromJsonAsync<JsonObject>();
        Assert.NotNull(problem!["errors"]!["cooldown"]);
    }

    [Fact]
    public async Task Window_WithTimeWindowPolicy_SaysWhichWindowApplies()
    {
        var put = await Http.PutAsJsonAsync("/v1/tenants/acme/sources/timed/alert-policy", new { windowSize = 500, windowDuration = "PT10M" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        await Http.PostAsJsonAsync("/v1/tenants/acme/sources/timed/comments", new[] { new { text = "broken again" }, new { text = "fine" } });

        var window = await Eventually.WaitForAsync(() => WindowAsync("acme", "timed"), w => (int?)w["count"] == 2, "two comments");

        Assert.Equal(500, (int?)window["windowSize"]);
        Assert.Equal("PT10M", (string?)window["windowDuration"]);
        Assert.Equal(1, (int?)window["modelLabelCounts"]!["sentiment"]!["negative"]);
        Assert.Equal("PT10M", (string?)(await Http.GetFromJsonAsync<JsonObject>("/v1/tenants/acme/sources/timed/alert-policy"))!["windowDuration"]);
    }

    [Fact]
    public async Task Window_CountOnlyPolicy_AnswersEveryDocumentedFieldWithWindowDurationNull()
    {
        await Http.PostAsJsonAsync("/v1/tenants/acme/sources/counted/comments", new[] { new { text = "broken again" } });

        var window = await Eventually.WaitForAsync(() => WindowAsync("acme", "counted"), w => (int?)w["count"] == 1, "one comment");

        Assert.Equal(
            ["alerting", "baseline", "baselineComments", "count", "labelCounts", "languageCounts", "modelLabelCounts", "negativeCount", "negativeRatio", "sharedComments", "windowDuration", "windowSize"],
            window.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.True(window.TryGetPropertyValue("windowDuration", out var duration));
        Assert.Null(duration);
        // Nothing has left the window yet, so no usual share is known.
        Assert.True(window.TryGetPropertyValue("baseline", out var baseline));
        Assert.Null(baseline);
        Assert.Equal(0, (long?)window["baselineComments"]);
    }

    [Fact]
    public async Task Ingest_SpikeInOneRequest_PostsOneWebhookAndRecordsItInTheHistory()
    {
        await using var slack = new WebhookReceiver();
        var put = await Http.PutAsJsonAsync("/v1/tenants/storm/sources/app/alert-policy",
            new { windowSize = 100, threshold = 0.10, minCount = 10, cooldown = "PT1M", webhookUrl = slack.Url });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        // Alternating runs of complaints and praise: a spike, a recovery and new spikes if every chunk were evaluated.
        var comments = Enumerable.Range(0, 1000).Select(i => new { id = $"st-{i}", text = (i / 64) % 2 == 0 ? "broken" : "fine" }).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsJsonAsync("/v1/tenants/storm/sources/app/comments", comments)).StatusCode);
        var alerts = await Eventually.WaitForAsync(() => Http.GetFromJsonAsync<JsonObject>("/v1/tenants/storm/sources/app/alerts"),
            a => a!["alerts"]!.AsArray().Any(x => (string?)x!["delivery"] == "sent"), "the spike to be delivered");
        await Eventually.WaitForAsync(() => WindowAsync("storm", "app"), w => (int?)w["count"] == 100, "the window");

        Assert.Equal(1, slack.Requests);
        var alert = Assert.Single(alerts!["alerts"]!.AsArray())!;
        Assert.Equal(("spike", 1), ((string?)alert["kind"], (int?)alert["attempts"]));
        var sources = await Http.GetFromJsonAsync<JsonObject>("/v1/tenants/storm/sources");
        Assert.Equal(["app"], sources!["sources"]!.AsArray().Select(s => (string?)s));
    }

    [Fact]
    public async Task Metrics_SourceThatExportsMetrics_HasItsOwnSeriesAndOthersDoNot()
    {
        Assert.Equal(HttpStatusCode.OK, (await Http.PutAsJsonAsync("/v1/tenants/exporter/sources/shown/alert-policy", new { exportMetrics = true })).StatusCode);
        await Http.PostAsJsonAsync("/v1/tenants/exporter/sources/shown/comments", new[] { new { text = "broken" }, new { text = "fine" } });
        await Http.PostAsJsonAsync("/v1/tenants/exporter/sources/hidden/comments", new[] { new { text = "broken" } });
        await Eventually.WaitForAsync(() => WindowAsync("exporter", "hidden"), w => (int?)w["count"] == 1, "the hidden source's comment");

        var metrics = await Eventually.WaitForAsync(() => Http.GetStringAsync("/metrics"),
            m => Sample(m, "orleans_sentiment_source_window_count", "shown") == "2", "the exported series");

        Assert.Equal("0.5", Sample(metrics, "orleans_sentiment_source_negative_ratio", "shown"));
        Assert.DoesNotContain("source=\"hidden\"", metrics);
        Assert.Contains("orleans_sentiment_inflight_comments", metrics);
    }

    [Fact]
    public async Task DeadLetters_NoFailures_AnswersAnEmptyPage()
    {
        var page = await Http.GetFromJsonAsync<JsonObject>("/v1/tenants/clean/dead-letters");

        Assert.Equal(0, (long?)page!["total"]);
        Assert.Empty(page["deadLetters"]!.AsArray());
    }

    /// <summary>The value of the exporter tenant's sample of a per-source gauge, or null.</summary>
    private static string? Sample(string metrics, string name, string source) =>
        metrics.Split('\n').FirstOrDefault(l => l.StartsWith(name + "{", StringComparison.Ordinal) && l.Contains($"source=\"{source}\",tenant=\"exporter\"}}", StringComparison.Ordinal))?.Split(' ')[^1];

    private Task<JsonObject> WindowAsync(string tenant, string source) => Http.GetJsonPolitelyAsync($"/v1/tenants/{tenant}/sources/{source}/window");
}

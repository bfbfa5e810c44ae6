using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// <c>POST …/policy-test</c> against a real silo: a policy tried on a burst in past comments says when it would have
/// alerted and recovered, without posting to the source's webhook or touching its window.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class PolicyTestEndToEndTests(SiloFixture fixture)
{
    public const int Calm = 60;
    public const int Burst = 30;
    public const int After = 40;
    public static readonly DateTimeOffset Start = new(2015, 2, 24, 8, 0, 0, TimeSpan.Zero);

    private HttpClient Http => fixture.Http;

    /// <summary>
    /// One comment a minute: a calm hour with one complaint in ten, a half-hour burst with three in four, then calm
    /// again. The burst never fills a 20-comment window past 80 % negative.
    /// </summary>
    public static IEnumerable<(int Minute, string Text)> History() =>
        Enumerable.Range(0, Calm + Burst + After).Select(i => (i, IsComplaint(i) ? $"My refund is late, order {i}" : $"Lovely crew, thank you ({i})"));

    public static bool InBurst(int minute) => minute is >= Calm and < Calm + Burst;

    [Fact]
    public async Task PolicyTest_BaselinePolicyOnABurst_AlertsInsideTheBurstRecoversAfterAndPostsAndStoresNothing()
    {
        await using var slack = new WebhookReceiver();
        const string source = "/v1/tenants/dry/sources/burst";
        var stored = await Http.PutAsJsonAsync($"{source}/alert-policy", new { windowSize = 100, threshold = 0.10, minCount = 20, cooldown = "PT1M", webhookUrl = slack.Url });
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        // Sent newest first: the silo plays them in time order whatever the request's order.
        var comments = History().Reverse().Select(c => new { id = $"h-{c.Minute}", text = c.Text, timestamp = Start.AddMinutes(c.Minute) }).ToArray();

        var response = await Http.PostAsJsonAsync($"{source}/policy-test", new { policy = new { detector = "baseline", windowSize = 20, minCount = 10, minBaseline = 30, cooldown = "PT1M", webhookUrl = slack.Url }, comments });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(130, (int?)result["comments"]);
        Assert.Equal(130, (int?)result["classified"]);
        Assert.Equal(0, (int?)result["failed"]);
        Assert.Equal(Start, (DateTimeOffset?)result["from"]);
        Assert.Equal(Start.AddMinutes(129), (DateTimeOffset?)result["to"]);
        var alerts = result["alerts"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(["spike", "recovery"], alerts.Select(a => (string?)a["kind"]));
        var (spike, recovery) = (Minute(alerts[0]), Minute(alerts[1]));
        Assert.True(InBurst(spike), $"the spike at minute {spike} is inside the burst");
        Assert.True(recovery >= Calm + Burst, $"the recovery at minute {recovery} is after the burst");
        foreach (var alert in alerts)
        {
            var index = (int)alert["commentIndex"]!;
            Assert.Equal((string?)comments[index].id, (string?)alert["commentId"]);
            Assert.Equal(comments[index].timestamp, (DateTimeOffset?)alert["at"]);
            Assert.Equal("baseline", (string?)alert["detector"]);
            Assert.Equal("negative", (string?)alert["label"]);
        }

        Assert.True((double)alerts[0]["share"]! > 2 * (double)alerts[0]["baseline"]!);
        Assert.True((double)alerts[0]["pValue"]! <= 0.0001);

        // One real comment afterwards: the window holds it alone, so none of the 130 reached the source.
        var ingest = await Http.PostAsJsonAsync($"{source}/comments", new[] { new { id = "live-1", text = "Lovely crew" } });
        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        var window = await Eventually.WaitForAsync(() => Http.GetFromJsonAsync<JsonObject>($"{source}/window"), w => (int?)w!["count"] >= 1, "the live comment");
        Assert.Equal(1, (int?)window!["count"]);
        Assert.Empty((await Http.GetFromJsonAsync<JsonObject>($"{source}/alerts"))!["alerts"]!.AsArray());
        Assert.Equal(0, slack.Requests);
    }

    [Fact]
    public async Task PolicyTest_ThresholdAboveTheBurstsShare_RaisesNothing()
    {
        var response = await Http.PostAsJsonAsync("/v1/tenants/dry/sources/threshold/policy-test", new
        {
            policy = new { detector = "threshold", threshold = 0.95, windowSize = 20, minCount = 10, cooldown = "PT1M" },
            comments = History().Select(c => new { text = c.Text, timestamp = Start.AddMinutes(c.Minute) }),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(130, (int?)result["classified"]);
        Assert.Empty(result["alerts"]!.AsArray());
    }

    [Fact]
    public async Task PolicyTest_NoPolicyGiven_TriesTheSourcesStoredPolicy()
    {
        var stored = await Http.PutAsJsonAsync("/v1/tenants/dry/sources/stored/alert-policy", new { windowSize = 20, threshold = 0.5, minCount = 10, cooldown = "PT1M" });
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

        var response = await Http.PostAsJsonAsync("/v1/tenants/dry/sources/stored/policy-test", new
        {
            comments = History().Select(c => new { text = c.Text, timestamp = Start.AddMinutes(c.Minute) }),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alerts = (await response.Content.ReadFromJsonAsync<JsonObject>())!["alerts"]!.AsArray();
        var spike = alerts.First()!;
        Assert.Equal(["spike", "recovery"], alerts.Select(a => (string?)a!["kind"]));
        Assert.Equal("threshold", (string?)spike["detector"]);
        Assert.True(InBurst((int)spike["commentIndex"]!));
    }

    [Fact]
    public async Task PolicyTest_CommentWithoutTimestamp_Answers400NamingTheField()
    {
        var response = await Http.PostAsJsonAsync("/v1/tenants/dry/sources/invalid/policy-test", new
        {
            comments = new object[] { new { text = "Lovely crew", timestamp = Start }, new { text = "My refund is late" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["comments[1].timestamp"], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task PolicyTest_UnknownDetector_Answers400NamingPolicyDetector()
    {
        var response = await Http.PostAsJsonAsync("/v1/tenants/dry/sources/invalid/policy-test", new
        {
            policy = new { detector = "zscore" },
            comments = new[] { new { text = "Lovely crew", timestamp = Start } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["policy.detector"], errors.Select(e => e.Key));
    }

    private static bool IsComplaint(int minute) => InBurst(minute) ? minute % 4 != 3 : minute % 10 == 0;

    private static int Minute(JsonObject alert) => int.Parse(((string)alert["commentId"]!)[2..], CultureInfo.InvariantCulture);
}

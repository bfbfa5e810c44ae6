using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// Themes from the built-in models' sentence embeddings, end to end: a source's negative comments about two subjects
/// come back as two named themes listing their comments, and a spike's Slack message says what it is about — with
/// comment text only when the policy includes examples.
/// </summary>
public sealed class SpikeThemesEndToEndTests(BuiltInSlackSiloFixture fixture) : IClassFixture<BuiltInSlackSiloFixture>
{
    private static readonly string[] Places = ["Denver", "Boston", "Chicago", "Dallas", "Miami", "Seattle", "Atlanta", "Phoenix", "Houston", "Newark", "Austin", "Portland", "Detroit", "Orlando", "Nashville", "Tampa", "Raleigh", "Memphis", "Omaha", "Tucson"];

    [Fact]
    public async Task Themes_NegativeCommentsAboutTwoSubjects_ComeBackAsTwoNamedThemes()
    {
        var comments = Complaints("t").Concat(Praise("t")).ToArray();
        await IngestAsync("themes-a", comments);

        var themes = await GetJsonAsync("/v1/tenants/acme/sources/themes-a/themes?label=negative&model=sentiment");

        Assert.Equal("found", (string?)themes["status"]);
        var found = themes["themes"]!.AsArray().Select(t => t!.AsObject()).Where(t => (string?)t["name"] != "other").ToList();
        // Each theme holds one subject's comments and is named by that subject's words.
        foreach (var theme in found)
        {
            var ids = theme["commentIds"]!.AsArray().Select(id => (string)id!).ToList();
            var subject = ids[0].StartsWith("t-cancel-", StringComparison.Ordinal) ? "t-cancel-" : "t-bag-";
            Assert.All(ids, id => Assert.StartsWith(subject, id));
            var name = (string)theme["name"]!;
            Assert.True(subject == "t-cancel-" ? name.Contains("cancelled", StringComparison.Ordinal) : name.Contains("luggage", StringComparison.Ordinal) || name.Contains("bag", StringComparison.Ordinal) || name.Contains("missing", StringComparison.Ordinal), $"theme '{name}' of {subject} comments");
            Assert.InRange(theme["representatives"]!.AsArray().Count, 1, 3);
        }

        Assert.Contains(found, t => ((string?)t["commentIds"]![0])!.StartsWith("t-cancel-", StringComparison.Ordinal));
        Assert.Contains(found, t => ((string?)t["commentIds"]![0])!.StartsWith("t-bag-", StringComparison.Ordinal));
        Assert.Equal(40, (int?)themes["comments"]);
    }

    [Fact]
    public async Task Themes_FewComments_SayNotEnoughComments()
    {
        await IngestAsync("themes-few", Complaints("f").Take(5).ToArray());

        var themes = await GetJsonAsync("/v1/tenants/acme/sources/themes-few/themes?label=negative");

        Assert.Equal("notEnoughComments", (string?)themes["status"]);
        Assert.Empty(themes["themes"]!.AsArray());
    }

    [Fact]
    public async Task Themes_NoLabel_Answers400NamingIt()
    {
        using var response = await fixture.Http.GetAsync("/v1/tenants/acme/sources/themes-a/themes");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("label", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Spike_SlackMessageCarriesTheTopThemes_TextOnlyWithIncludeExamples(bool includeExamples)
    {
        await using var slack = new WebhookReceiver();
        var source = includeExamples ? "spike-examples" : "spike-plain";
        var policy = await fixture.Http.PutAsJsonAsync($"/v1/tenants/acme/sources/{source}/alert-policy",
            new { windowSize = 100, threshold = 0.5, minCount = 50, cooldown = "PT15M", webhookUrl = slack.Url, includeExamples });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);

        await IngestAsync(source, Praise(source).Take(10).Concat(Complaints(source)).ToArray());

        var message = (await Eventually.WaitForAsync(() => Task.FromResult(slack.Received), r => r.Count >= 1, "the spike's Slack message"))[0];
        var blocks = message["blocks"]!.AsArray().Select(b => (string?)b!["text"]!["text"]).ToList();
        var themes = Assert.Single(blocks, b => b!.StartsWith("*What it is about:*", StringComparison.Ordinal))!;
        Assert.Contains("cancelled", themes);
        Assert.Equal(includeExamples, themes.Contains("> ", StringComparison.Ordinal));
        Assert.Equal(includeExamples, themes.Contains("nobody told me", StringComparison.Ordinal) || themes.Contains("still missing", StringComparison.Ordinal));

        var history = await GetJsonAsync($"/v1/tenants/acme/sources/{source}/alerts");
        var kept = history["alerts"]!.AsArray()[0]!["themes"]!.AsArray();
        Assert.NotEmpty(kept);
        Assert.All(kept, t => Assert.NotEmpty(t!["exampleIds"]!.AsArray()));
        Assert.DoesNotContain("nobody told me", history.ToJsonString());
        Assert.DoesNotContain("nobody told me", fixture.Silo.Output);
    }

    private static IEnumerable<object> Complaints(string prefix) =>
        Places.Select((p, i) => (object)new { id = $"{prefix}-cancel-{i}", text = $"My flight to {p} was cancelled again and nobody told me, terrible" })
            .Concat(Places.Select((p, i) => (object)new { id = $"{prefix}-bag-{i}", text = $"They lost my luggage on the way to {p}, my bag is still missing, awful" }));

    private static IEnumerable<object> Praise(string prefix) =>
        Places.Select((p, i) => (object)new { id = $"{prefix}-praise-{i}", text = $"Lovely crew on the way to {p}, thank you so much" });

    private async Task IngestAsync(string source, object[] comments)
    {
        var response = await fixture.Http.PostAsJsonPolitelyAsync($"/v1/tenants/acme/sources/{source}/comments", comments);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.WaitForAsync(() => GetJsonAsync($"/v1/tenants/acme/sources/{source}/window"), w => (int?)w["count"] == comments.Length, $"{comments.Length} comments in the window");
    }

    private async Task<JsonObject> GetJsonAsync(string path) => (await fixture.Http.GetFromJsonAsync<JsonObject>(path))!;
}

/// <summary>One silo on the built-in models (built into a fresh folder at its start), allowed to post to a loopback webhook.</summary>
public sealed class BuiltInSlackSiloFixture : IAsyncLifetime
{
    private readonly string _models = Directory.CreateTempSubdirectory("e2e-builtin-slack-").FullName;

    public SiloProcess Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Silo = await SiloProcess.StartAsync(new Dictionary<string, string>
        {
            ["Inference:CacheDirectory"] = _models,
            ["Slack:RetryDelay"] = "00:00:00.100",
            ["Slack:AllowedHosts:0"] = "127.0.0.1",
            ["Slack:AllowPrivateNetworks"] = "true",
            ["Ingestion:RequestsPerSecondPerTenant"] = "1000",
        });
        Http = new HttpClient { BaseAddress = Silo.BaseUrl };
        await Eventually.WaitForAsync(() => Http.GetAsync("/health/ready"), r => r.IsSuccessStatusCode, "the built-in models to load");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }
}

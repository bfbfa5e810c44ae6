using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Orleans.Sentiment.BrowserTests.Silo;
using Orleans.Sentiment.Testing;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Sentiment.BrowserTests;

/// <summary>
/// A tenant's own model on the dashboard: trained in the silo (the frozen-encoder head, seconds), chosen by a source's
/// policy, shown with its labels and counts next to the built-ins, and, when the policy watches one of its labels,
/// the label the ratio chart and its summary speak of.
/// </summary>
[Collection(DashboardSiloCollection.Name)]
public sealed class TenantModelDashboardBrowserTests(DashboardSiloFixture fixture) : DashboardPageTest(fixture)
{
    private const string Tenant = "labs";
    private const string Model = "requirements";
    private const string Qualified = $"{Tenant}:{Model}";

    private static readonly string[] StabilityPhrases = ["The app crashes when I open", "It freezes every time I use", "It keeps shutting down on", "It hangs forever while loading"];
    private static readonly string[] UsabilityPhrases = ["I cannot find how to use", "It is confusing to navigate", "The buttons are too small on", "It takes too many taps to reach"];
    private static readonly string[] Things = ["the settings page", "my photos", "the login screen", "the calendar", "the music player", "the search bar"];

    [BrowserFact]
    public async Task Dashboard_SourceRunsATenantModel_ShowsItsLabelCountsAndColumn_AndTheWatchedLabelInTheRatio()
    {
        await TrainHeadVersionAsync();
        var models = new[] { "sentiment", "category", Qualified };
        await PutAsync($"/v1/tenants/{Tenant}/sources/app-store/alert-policy", new { models });
        await PutAsync($"/v1/tenants/{Tenant}/sources/support/alert-policy",
            new { models, watchModel = Qualified, watchLabel = "stability", threshold = 0.20, minCount = 5, windowSize = 20 });
        var key = await CreateTenantKeyAsync(Tenant);
        await IngestAsync(key, Tenant, "app-store",
            "The app crashes when I open the settings page", "It freezes every time I use my photos", "It keeps shutting down on the calendar",
            "I cannot find how to use the search bar", "It is confusing to navigate the login screen");
        await IngestAsync(key, Tenant, "support",
            "It hangs forever while loading the music player", "The buttons are too small on my photos",
            "It takes too many taps to reach the calendar", "I cannot find how to use the settings page");
        await SignInAsync(key);

        // app-store (selected first): the tenant model's label mix as its own table, and its column in the comments.
        await Expect(Page.Locator("#detail-name")).ToHaveTextAsync("app-store");
        var table = Page.Locator("#categories table", new() { Has = Page.Locator("caption", new() { HasTextString = $"Model {Qualified}" }) });
        await Expect(table.Locator("tbody tr")).ToHaveTextAsync([new Regex(@"^stability\s*3"), new Regex(@"^usability\s*2")]);
        await Expect(Page.Locator("#comments thead th", new() { HasTextString = Qualified })).ToHaveCountAsync(1);
        var column = (await Page.Locator("#comments thead th").AllTextContentsAsync()).ToList().IndexOf(Qualified);
        var row = Page.Locator("#comments tbody tr", new() { HasTextString = "It is confusing to navigate the login screen" });
        await Expect(row.Locator("td").Nth(column)).ToHaveTextAsync(new Regex(@"^usability \d\.\d\d$"));
        row = Page.Locator("#comments tbody tr", new() { HasTextString = "The app crashes when I open the settings page" });
        await Expect(row.Locator("td").Nth(column)).ToHaveTextAsync(new Regex(@"^stability \d\.\d\d$"));
        await Expect(Page.Locator("#ratio-summary")).ToContainTextAsync("negative (");
        await Screenshot("7-tenant-model");

        // support watches "stability": 1 of 4, below minCount; the fifth comment breaches 20% and raises a spike.
        await Page.GetByRole(AriaRole.Button, new() { Name = "support" }).ClickAsync();
        await Expect(Page.Locator("#ratio-summary")).ToContainTextAsync("Now 25.0% stability (1 of 4 in the last 20 comments); alert threshold 20.0% from 5 comments (minCount)");
        await Expect(Page.Locator("#ratio-caption")).ToHaveTextAsync($"Share of stability ({Qualified}) over time");
        await Expect(Page.Locator("#labels-heading")).ToHaveTextAsync($"Label mix of {Qualified}");
        await Expect(Page.Locator("#labels th.label-watched")).ToHaveTextAsync("stability");
        await Expect(Page.Locator("#ratio-chart line.threshold")).ToHaveAttributeAsync("y1", "144"); // 20% of the 170-high plot above its 178 base line

        await IngestAsync(key, Tenant, "support", "The app crashes when I open the calendar");
        await Expect(Page.Locator("#ratio-summary")).ToContainTextAsync("Now 40.0% stability (2 of 5 in the last 20 comments)");
        await Expect(Page.Locator("#ratio-chart circle.point")).ToHaveAttributeAsync("cy", "110"); // 40%
        await Expect(Page.Locator("#status")).ToHaveTextAsync("Spike alert on support: 2 of 5 stability.");
        await Screenshot("8-watched-label");
    }

    /// <summary>Defines the model, adds clearly separable examples and trains a head version that activates itself.</summary>
    private async Task TrainHeadVersionAsync()
    {
        await PutAsync($"/v1/tenants/{Tenant}/models/{Model}", new { labels = new[] { "stability", "usability" } });
        var examples = Examples(StabilityPhrases, "stability").Concat(Examples(UsabilityPhrases, "usability"));
        using (var added = await Fixture.Admin.PostAsJsonAsync($"/v1/tenants/{Tenant}/models/{Model}/examples", examples))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using var started = await Fixture.Admin.PostAsJsonAsync($"/v1/tenants/{Tenant}/models/{Model}/versions", new { method = "head", autoActivate = true });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var jobId = (string)(await started.Content.ReadFromJsonAsync<JsonObject>())!["jobId"]!;
        var job = await Eventually.WaitForAsync(
            () => Fixture.Admin.GetFromJsonAsync<JsonObject>($"/v1/tenants/{Tenant}/jobs/{Uri.EscapeDataString(jobId)}"),
            j => (string?)j?["state"] is "succeeded" or "failed" or "cancelled",
            "the head version to train",
            TimeSpan.FromMinutes(3));
        Assert.True((string?)job!["state"] == "succeeded", job.ToJsonString());
        await Eventually.WaitForAsync(
            () => Fixture.Admin.GetFromJsonAsync<JsonObject>($"/v1/tenants/{Tenant}/models/{Model}"),
            m => m?["activeVersion"] is not null,
            "the trained version to be active");
    }

    private static IEnumerable<object> Examples(string[] phrases, string label) =>
        phrases.SelectMany(p => Things.Select(t => new { text = $"{p} {t}", label }));
}

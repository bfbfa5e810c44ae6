using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Orleans.Sentiment.BrowserTests.Silo;
using Orleans.Sentiment.Testing;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Sentiment.BrowserTests;

/// <summary>
/// The built-in dashboard in headless chromium against a real silo with API keys on: what a person sees while
/// comments arrive, and that the page talks to nobody but the silo.
/// </summary>
[Collection(DashboardSiloCollection.Name)]
public sealed class DashboardBrowserTests(DashboardSiloFixture fixture) : DashboardPageTest(fixture)
{
    private const string KeyStore = "orleans-sentiment.api-key";

    [BrowserFact]
    public async Task Dashboard_CommentsArriveWhileOpen_PersonSeesSourceCountsRatioCommentsAndAlert()
    {
        await using var slack = new WebhookReceiver();
        var key = await CreateTenantKeyAsync("shop");
        await PutAsync("/v1/tenants/shop/sources/app-store/alert-policy",
            new { windowSize = 20, threshold = 0.10, minCount = 5, cooldown = "PT1H", webhookUrl = slack.Url });

        await SignInAsync(key);
        await Expect(Page.Locator("#identity")).ToHaveTextAsync("Signed in as tenant shop.");
        await Expect(Page.GetByLabel("Tenant")).ToHaveValueAsync("shop");
        await Screenshot("1-signed-in");

        await IngestAsync(key, "shop", "app-store",
            ("Lovely app", false), ("Works fine for me", false), ("The checkout is broken", true));
        var row = Page.Locator("#sources tbody tr", new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "app-store" }) });
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("3");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("33.3%");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("Not enough comments: 3 of minCount 5");
        await Expect(Page.Locator("#comments tbody")).ToContainTextAsync("The checkout is broken");
        await Screenshot("2-first-comments");

        const string markup = "<img src=x onerror=\"document.title='owned'\"> refund please";
        await IngestAsync(key, "shop", "app-store",
            ("Still waiting for my refund", true), ("The app keeps crashing", true), (markup, true),
            ("Checkout broken again", true), ("Crashing after the update", true), ("Lovely design", false), ("Nice colours", false));

        // Counts update in place, the window breaches the policy and the alert shows up in the history.
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("10");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("6");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("60.0%");
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("last 20 comments");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("Alerting");
        var alert = Page.Locator("#alerts tbody tr").First;
        await Expect(alert.Locator("td").Nth(1)).ToHaveTextAsync("Spike");
        await Expect(alert.Locator("td").Nth(2)).ToHaveTextAsync("negative");
        await Expect(alert.Locator("td").Nth(3)).ToHaveTextAsync("6 / 10");
        await Expect(alert.Locator("td").Nth(4)).ToHaveTextAsync("10.0%");
        await Expect(alert.Locator("td").Nth(6)).ToHaveTextAsync("sent");
        // A handful of negative comments are too few to group, and the themes panel says so.
        await Expect(Page.Locator("#no-themes")).ToContainTextAsync("Not enough comments");
        await Expect(Page.Locator("#no-themes")).ToContainTextAsync("themes need at least 30.");
        await Expect(Page.Locator("#status")).ToContainTextAsync("Spike alert on app-store: 6 of 10 negative.");

        // The ratio chart and its text, the label and category mix, recent comments with labels and scores.
        await Expect(Page.Locator("#ratio-summary")).ToContainTextAsync("Now 60.0% negative (6 of 10 in the last 20 comments); alert threshold 10.0% from 5 comments (minCount)");
        await Expect(Page.Locator("#ratio-chart path.series")).ToHaveCountAsync(1);
        await Expect(Page.Locator("#labels tbody tr").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^negative\\s*6"));
        await Expect(Page.Locator("#categories")).ToContainTextAsync("bug report");
        await Expect(Page.Locator("#categories")).ToContainTextAsync("billing");
        var newest = Page.Locator("#comments tbody tr").First;
        await Expect(newest.Locator("td").Nth(1)).ToHaveTextAsync("Nice colours");
        // Two words are too few to tell a language: shown as none, and labelled by every model.
        await Expect(newest.Locator("td").Nth(2)).ToHaveTextAsync("—");
        await Expect(newest.Locator("td").Nth(3)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^positive \d\.\d\d$"));
        await Expect(Page.Locator("#comments tbody td", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"^en \d\.\d\d$") }).First).ToBeVisibleAsync();
        await Expect(Page.Locator("#languages tbody")).ToContainTextAsync("en");
        await Expect(Page.Locator("#comments thead")).ToContainTextAsync("category");

        // Comment text is shown as text: the markup is visible literally and nothing from it runs.
        await Expect(Page.Locator("#comments tbody td", new() { HasTextString = markup })).ToHaveCountAsync(1);
        Assert.Equal(0, await Page.Locator("#comments img").CountAsync());
        Assert.NotEqual("owned", await Page.TitleAsync());
        await Screenshot("3-alerting");

        // The key lives in this tab's session storage only.
        Assert.Equal(key, await Page.EvaluateAsync<string>($"sessionStorage.getItem('{KeyStore}')"));
        Assert.Equal(0, await Page.EvaluateAsync<int>("localStorage.length"));
        Assert.Equal("", await Page.EvaluateAsync<string>("document.cookie"));

        // Every request went to the silo: no CDN, no font or script from elsewhere.
        var origin = Fixture.Silo.BaseUrl.GetLeftPart(UriPartial.Authority);
        Assert.NotEmpty(Requests);
        Assert.All(Requests.Where(r => !r.StartsWith("data:", StringComparison.Ordinal)), r => Assert.StartsWith(origin + "/", r));
        Assert.Contains(Requests, r => r.EndsWith("/dashboard/dashboard.js", StringComparison.Ordinal));
        Assert.Contains(Requests, r => r.Contains("/v1/tenants/shop/sources/app-store/alerts", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Dashboard_BaselinePolicy_SaysItIsLearningThenShowsTheUsualShareInsteadOfTheThreshold()
    {
        var key = await CreateTenantKeyAsync("usual");
        await PutAsync("/v1/tenants/usual/sources/reviews/alert-policy", new { windowSize = 2, minCount = 2, detector = "baseline", minBaseline = 2 });
        await IngestAsync(key, "usual", "reviews", ("Where is my refund", true), ("Lovely app", false));
        await SignInAsync(key);
        var row = Page.Locator("#sources tbody tr", new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "reviews" }) });

        // Half negative is far over the default 10% threshold, which a baseline policy does not use.
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("Learning the usual share: 0 of minBaseline 2 comments");
        await Expect(Page.Locator("#ratio-summary")).ToContainTextAsync("usual share not learnt yet from 0 comments (baseline detector)");

        await IngestAsync(key, "usual", "reviews", ("Nice colours", false), ("Works fine", false));
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("OK (usually 50.0%)");
        await Expect(Page.Locator("#ratio-summary")).ToContainTextAsync("usual share 50.0% from 2 comments (baseline detector)");
    }

    [BrowserFact]
    public async Task Dashboard_FewerCommentsThanMinCount_SaysNotEnoughCommentsUntilTheWindowIsJudged()
    {
        var key = await CreateTenantKeyAsync("young");
        await PutAsync("/v1/tenants/young/sources/reviews/alert-policy", new { threshold = 0.50, minCount = 4 });
        await IngestAsync(key, "young", "reviews", ("Where is my refund", true), ("The app keeps crashing", true), ("Lovely app", false));
        await SignInAsync(key);
        var row = Page.Locator("#sources tbody tr", new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = "reviews" }) });

        // 66.7% negative against a 50% threshold, but no alert can fire below minCount: the page must not say "OK".
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("66.7%");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("Not enough comments: 3 of minCount 4");
        await Expect(Page.Locator("#ratio-summary")).ToContainTextAsync("alert threshold 50.0% from 4 comments (minCount)");
        await Screenshot("6-not-enough-comments");

        // A fourth, positive comment: the window is judged, at 50% (not above the threshold), so now it is OK.
        await IngestAsync(key, "young", "reviews", ("Lovely design", false));
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("50.0%");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("OK");
    }

    [BrowserFact]
    public async Task Dashboard_Accessibility_NoAxeViolationsAndSourcesReachableByKeyboard()
    {
        var key = await CreateTenantKeyAsync("access");
        await IngestAsync(key, "access", "reviews", ("The app keeps crashing", true), ("Lovely app", false));
        await Page.GotoAsync(Url("/dashboard"));
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByLabel("API key").PressAsync("Enter");
        await Expect(Page.Locator("#comments tbody")).ToContainTextAsync("The app keeps crashing");

        var results = await Page.RunAxe();

        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Banner)).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(Page.GetByRole(AriaRole.Columnheader, new() { Name = "Negative ratio" })).ToBeVisibleAsync();

        // Tab from the top of the page reaches the source's button.
        await Page.Locator("body").FocusAsync();
        var reached = false;
        for (var i = 0; i < 15 && !reached; i++)
        {
            await Page.Keyboard.PressAsync("Tab");
            reached = await Page.EvaluateAsync<string>("document.activeElement.textContent") == "reviews";
        }

        Assert.True(reached, "the source button was not reached with Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Locator("#detail-name")).ToHaveTextAsync("reviews");
        await Screenshot("4-keyboard");
    }

    [BrowserFact]
    public async Task Dashboard_NoKeyOnSiloWithKeys_AsksForOne()
    {
        await Page.GotoAsync(Url("/dashboard"));

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This silo requires an API key: enter one above.");
        await Expect(Page.GetByLabel("API key")).ToBeFocusedAsync();
    }

    [BrowserFact]
    public async Task Dashboard_UnknownKey_SaysTheKeyWasNotAccepted()
    {
        await Page.GotoAsync(Url("/dashboard"));
        await Page.GetByLabel("API key").FillAsync("not-a-key");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The API key was not accepted (HTTP 401). Enter a valid key.");
        Assert.Equal(0, await Page.Locator("#sources tbody tr").CountAsync());
        await Screenshot("5-unknown-key");
    }
}

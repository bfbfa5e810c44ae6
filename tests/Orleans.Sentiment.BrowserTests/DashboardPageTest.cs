using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Orleans.Sentiment.BrowserTests.Silo;
using static Microsoft.Playwright.Assertions;

namespace Orleans.Sentiment.BrowserTests;

/// <summary>
/// A fresh chromium page per test against the shared dashboard silo, with the calls a test makes to set the silo up:
/// tenant keys, alert policies and comments.
/// </summary>
public abstract class DashboardPageTest(DashboardSiloFixture fixture) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    protected DashboardSiloFixture Fixture { get; } = fixture;

    protected IPage Page { get; private set; } = null!;

    /// <summary>Every URL the page requested.</summary>
    protected ConcurrentQueue<string> Requests { get; } = new();

    public async Task InitializeAsync()
    {
        if (!Browser.Available)
        {
            return;
        }

        SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await Browser.LaunchAsync(_playwright);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        context.Request += (_, request) => Requests.Enqueue(request.Url);
        Page = await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    protected string Url(string path) => new Uri(Fixture.Silo.BaseUrl, path).ToString();

    protected Task Screenshot(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, $"dashboard-{name}.png"), FullPage = true });

    /// <summary>Opens the dashboard and signs in with <paramref name="key"/>.</summary>
    protected async Task SignInAsync(string key)
    {
        await Page.GotoAsync(Url("/dashboard"));
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
    }

    protected async Task<string> CreateTenantKeyAsync(string tenant)
    {
        using var response = await Fixture.Admin.PostAsync($"/v1/tenants/{tenant}/keys", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!;
    }

    protected async Task PutAsync(string path, object body)
    {
        using var response = await Fixture.Admin.PutAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts comments with the tenant's key; <c>Negative</c> only says what the test models make of each.</summary>
    protected Task IngestAsync(string key, string tenant, string source, params (string Text, bool Negative)[] comments) =>
        IngestAsync(key, tenant, source, comments.Select(c => c.Text).ToArray());

    protected async Task IngestAsync(string key, string tenant, string source, params string[] texts)
    {
        using var http = new HttpClient { BaseAddress = Fixture.Silo.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        using var response = await http.PostAsJsonAsync($"/v1/tenants/{tenant}/sources/{source}/comments", texts.Select(t => new { text = t }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}

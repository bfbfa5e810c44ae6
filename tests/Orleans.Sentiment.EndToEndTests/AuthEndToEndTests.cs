using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>Keys, tenant isolation and what stays open, on a silo bound to a non-loopback address.</summary>
[Collection(SecuredSiloCollection.Name)]
public sealed class AuthEndToEndTests(SecuredSiloFixture fixture)
{
    public static TheoryData<string, string> TenantRoutes => new()
    {
        { "GET", "/v1/tenants/{0}/sources/app/window" },
        { "GET", "/v1/tenants/{0}/sources/app/comments?limit=5" },
        { "GET", "/v1/tenants/{0}/sources/app/alert-policy" },
        { "PUT", "/v1/tenants/{0}/sources/app/alert-policy" },
        { "POST", "/v1/tenants/{0}/sources/app/comments" },
        { "POST", "/v1/tenants/{0}/corrections" },
    };

    [Fact]
    public void Start_NonLoopbackBinding_DefaultsToApiKey() =>
        Assert.Contains("Auth:Mode is ApiKey (the default for a non-loopback binding)", fixture.Silo.Output);

    [Theory]
    [MemberData(nameof(TenantRoutes))]
    public async Task TenantRoute_NoKeyOrUnknownKey_Answers401(string method, string route)
    {
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, "alpha");
        using var unknown = fixture.Client("osk_0123456789abcdef_NotARealKeyNotARealKeyNotARealKey0000000");
        using var garbage = fixture.Client("garbage");

        foreach (var http in new[] { fixture.Anonymous, unknown, garbage })
        {
            using var response = await http.SendAsync(Request(method, path));

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(TenantRoutes))]
    public async Task TenantRoute_AnotherTenantsKey_Answers403(string method, string route)
    {
        var (_, bravoKey) = await fixture.CreateKeyAsync("bravo");
        using var bravo = fixture.Client(bravoKey);

        using var response = await bravo.SendAsync(Request(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, route, "alpha")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TenantKey_OwnRoutesAndClassify_Work()
    {
        var (_, key) = await fixture.CreateKeyAsync("charlie");
        using var charlie = fixture.Client(key);

        using var ingest = await charlie.PostAsJsonAsync("/v1/tenants/charlie/sources/app/comments", new[] { new { text = "Where is my refund" } });
        using var classify = await charlie.PostAsJsonAsync("/v1/classify", new { texts = new[] { "refund please" } });
        var whoami = await charlie.GetFromJsonAsync<JsonObject>("/v1/whoami");

        Assert.Equal(HttpStatusCode.Accepted, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.OK, classify.StatusCode);
        Assert.Equal(("charlie", false, "ApiKey"), ((string?)whoami!["tenant"], (bool?)whoami["admin"], (string?)whoami["authMode"]));
        await Eventually.WaitForAsync(() => charlie.GetFromJsonAsync<JsonObject>("/v1/tenants/charlie/sources/app/window")!, w => (int?)w!["count"] == 1, "the comment");
    }

    [Fact]
    public async Task AdminKey_ReachesEveryTenantAndSaysSo()
    {
        using var window = await fixture.Admin.GetAsync("/v1/tenants/anyone/sources/app/window");
        var whoami = await fixture.Admin.GetFromJsonAsync<JsonObject>("/v1/whoami");

        Assert.Equal(HttpStatusCode.OK, window.StatusCode);
        Assert.Equal((null, true), ((string?)whoami!["tenant"], (bool?)whoami["admin"]));
    }

    [Fact]
    public async Task Keys_CreateNeedsTheAdminKey()
    {
        var (_, deltaKey) = await fixture.CreateKeyAsync("delta");
        using var delta = fixture.Client(deltaKey);

        using var anonymous = await fixture.Anonymous.PostAsync("/v1/tenants/delta/keys", null);
        using var tenant = await delta.PostAsync("/v1/tenants/delta/keys", null);
        using var admin = await fixture.Admin.PostAsync("/v1/tenants/delta/keys", null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tenant.StatusCode);
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
        var created = (await admin.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Matches(@"\A[0-9a-f]{16}\z", (string?)created["id"]);
        Assert.StartsWith($"osk_{created["id"]}_", (string?)created["key"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_CreateBeyondTheTenantLimit_Answers409NamingTheLimitUntilOneIsRevoked()
    {
        const int limit = 100;
        var first = await fixture.CreateKeyAsync("keycap");
        for (var i = 1; i < limit; i++)
        {
            await fixture.CreateKeyAsync("keycap");
        }

        using var refused = await fixture.Admin.PostAsync("/v1/tenants/keycap/keys", null);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        var listed = await fixture.Admin.GetFromJsonAsync<JsonObject>("/v1/tenants/keycap/keys");
        using var revoke = await fixture.Admin.DeleteAsync($"/v1/tenants/keycap/keys/{first.Id}");
        using var again = await fixture.Admin.PostAsync("/v1/tenants/keycap/keys", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(limit, (int?)problem!["limit"]);
        Assert.Contains($"({limit})", (string?)problem["detail"]);
        Assert.Equal(limit, listed!["keys"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task Keys_Delete_RevokesAtOnce()
    {
        var (id, key) = await fixture.CreateKeyAsync("echo");
        using var echo = fixture.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await echo.GetAsync("/v1/tenants/echo/sources/app/window")).StatusCode);

        using var revoke = await fixture.Admin.DeleteAsync($"/v1/tenants/echo/keys/{id}");
        using var after = await echo.GetAsync("/v1/tenants/echo/sources/app/window");
        using var again = await fixture.Admin.DeleteAsync($"/v1/tenants/echo/keys/{id}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_NeedsNoKey(string path)
    {
        using var response = await fixture.Anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/app.js")]
    public async Task Dashboard_NeedsNoKey(string path)
    {
        using var response = await fixture.Anonymous.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_ProtectMetrics_NeedsTheAdminKey()
    {
        var (_, key) = await fixture.CreateKeyAsync("foxtrot");
        using var tenant = fixture.Client(key);

        using var anonymous = await fixture.Anonymous.GetAsync("/metrics");
        using var tenantAnswer = await tenant.GetAsync("/metrics");
        using var admin = await fixture.Admin.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tenantAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.True(MetricsScrape.Sum(await admin.Content.ReadAsStringAsync(), "orleans_sentiment_requests_rejected_total", "status", "401") >= 1);
    }

    [Fact]
    public async Task Logs_NeverHoldKeys()
    {
        var (_, key) = await fixture.CreateKeyAsync("golf");
        using var golf = fixture.Client(key);
        await golf.GetAsync("/v1/tenants/golf/sources/app/window");
        await fixture.Client(key + "x").GetAsync("/v1/tenants/golf/sources/app/window");

        Assert.DoesNotContain(key, fixture.Silo.Output);
        Assert.DoesNotContain(SecuredSiloFixture.AdminKey, fixture.Silo.Output);
    }

    [Fact]
    public async Task Cli_ApiKeyOptionAndEnvironment_AuthenticateStatsAndIngest()
    {
        var (_, key) = await fixture.CreateKeyAsync("hotel");
        var file = Path.Combine(Path.GetTempPath(), $"cli-auth-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "refund missing\nall good\n");
        try
        {
            var url = fixture.Silo.BaseUrl.ToString();
            var noKey = await CliProcess.RunAsync(["stats", "--tenant", "hotel", "--source", "cli", "--url", url], new Dictionary<string, string?> { ["ORLEANS_SENTIMENT_API_KEY"] = null });
            var ingest = await CliProcess.RunAsync("ingest", file, "--tenant", "hotel", "--source", "cli", "--url", url, "--api-key", key);
            await Eventually.WaitForAsync(() => fixture.Admin.GetFromJsonAsync<JsonObject>("/v1/tenants/hotel/sources/cli/window")!, w => (int?)w!["count"] == 2, "two comments");
            var stats = await CliProcess.RunAsync(["stats", "--tenant", "hotel", "--source", "cli", "--json", "--url", url], new Dictionary<string, string?> { ["ORLEANS_SENTIMENT_API_KEY"] = key });

            Assert.Equal(1, noKey.ExitCode);
            Assert.Contains("HTTP 401", noKey.Error);
            Assert.Equal(0, ingest.ExitCode);
            Assert.Equal(0, stats.ExitCode);
            Assert.Equal(2, (int?)JsonNode.Parse(stats.Output)!["count"]);
            Assert.DoesNotContain(key, ingest.Output + ingest.Error + stats.Output + stats.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path)
        {
            Content = method is "GET" ? null : new StringContent(path.EndsWith("comments", StringComparison.Ordinal) ? """[{"text":"hi"}]""" : path.EndsWith("corrections", StringComparison.Ordinal) ? """{"text":"hi","label":"x"}""" : "{}", Encoding.UTF8, "application/json"),
        };
}

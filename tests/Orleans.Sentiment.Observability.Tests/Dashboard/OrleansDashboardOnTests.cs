using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.EndToEndTests;
using Orleans.Sentiment.Observability.Tests.Silo;

namespace Orleans.Sentiment.Observability.Tests.Dashboard;

/// <summary>With <c>Dashboard:Orleans:Enabled=true</c> the Orleans dashboard is mounted behind the admin key.</summary>
public sealed class OrleansDashboardOnTests : IAsyncLifetime
{
    private const string AdminKey = "orleans-dashboard-admin-key-0123456789";

    private readonly string _models = Directory.CreateTempSubdirectory("orleans-dashboard-models-").FullName;
    private SiloProcess _silo = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(TestModels.Write(_models))
        {
            ["Auth:Mode"] = "ApiKey",
            ["Dashboard:Orleans:Enabled"] = "true",
        };
        _silo = await SiloProcess.StartAsync(settings, new Dictionary<string, string> { ["Auth__AdminKey"] = AdminKey });
        _http = new HttpClient { BaseAddress = _silo.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _silo.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }

    [Fact]
    public async Task Get_Enabled_AdminKeyOnly()
    {
        using var anonymous = await _http.GetAsync("/orleans-dashboard/index.html");
        using var unknown = await SendAsync("/orleans-dashboard/index.html", "not-a-key");
        using var tenant = await SendAsync("/orleans-dashboard/index.html", await CreateTenantKeyAsync());
        using var admin = await SendAsync("/orleans-dashboard/index.html", AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tenant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("text/html", admin.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Orleans", await admin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_EnabledDashboardData_AdminKeyOnly()
    {
        using var anonymous = await _http.GetAsync("/orleans-dashboard/DashboardCounters");
        using var admin = await SendAsync("/orleans-dashboard/DashboardCounters", AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await _http.SendAsync(request);
    }

    private async Task<string> CreateTenantKeyAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tenants/ops/keys");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!;
    }
}

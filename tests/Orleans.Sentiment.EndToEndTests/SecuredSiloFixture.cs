using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// A silo listening on 0.0.0.0 (every address, so keys are required by default) with an admin key given through
/// the environment as an operator would (<c>Auth__AdminKey</c>), protected metrics, the default webhook allow-list
/// and small limits, so each can be reached cheaply.
/// </summary>
public sealed class SecuredSiloFixture : IAsyncLifetime
{
    public const string AdminKey = "admin-key-for-end-to-end-tests-0001";
    public const int MaxCorrections = 2;
    public const int MaxRequestBytes = 256 * 1024;

    private readonly string _model = Directory.CreateTempSubdirectory("secured-model-").FullName;
    private readonly string _corrections = Directory.CreateTempSubdirectory("secured-corrections-").FullName;

    public SiloProcess Silo { get; private set; } = null!;

    /// <summary>A client without any key.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>A client sending the admin key.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        LexiconModelBuilder.Write(_model, ["negative", "positive"], [0f, 0.5f], new Dictionary<string, float[]> { ["refund"] = [20f, 0f] });
        Silo = await SiloProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Models:0:Name"] = "sentiment",
                ["Models:0:Path"] = _model,
                ["Auth:ProtectMetrics"] = "true",
                ["Ingestion:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Corrections:MaxPerTenant"] = MaxCorrections.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Corrections:Directory"] = _corrections,
                // The per-tenant request rate has a fixture of its own; here it would only make polling tests flaky.
                ["Ingestion:RequestsPerSecondPerTenant"] = "1000",
            },
            new Dictionary<string, string> { ["Auth__AdminKey"] = AdminKey },
            listenAddress: "0.0.0.0");
        Anonymous = new HttpClient { BaseAddress = Silo.BaseUrl };
        Admin = Client(AdminKey);
    }

    public HttpClient Client(string key)
    {
        var http = new HttpClient { BaseAddress = Silo.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <summary>Creates a key for a tenant with the admin key; returns its id and the key.</summary>
    public async Task<(string Id, string Key)> CreateKeyAsync(string tenant)
    {
        using var response = await Admin.PostAsync($"/v1/tenants/{tenant}/keys", null);
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)created["id"]!, (string)created["key"]!);
    }

    public async Task DisposeAsync()
    {
        Anonymous.Dispose();
        Admin.Dispose();
        await Silo.DisposeAsync();
        Directory.Delete(_model, recursive: true);
        Directory.Delete(_corrections, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SecuredSiloCollection : ICollectionFixture<SecuredSiloFixture>
{
    public const string Name = "secured silo";
}

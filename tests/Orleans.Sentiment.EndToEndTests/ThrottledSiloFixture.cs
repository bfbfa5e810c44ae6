using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// A silo that requires keys (it listens on 0.0.0.0) with small limits on classify texts and failed authentications,
/// so each limit is reached in a few requests.
/// </summary>
public sealed class ThrottledSiloFixture : IAsyncLifetime
{
    public const string AdminKey = "admin-key-for-throttling-tests-0001";
    public const int ClassifyTextsPerSecond = 1;
    public const int MaxBatchSize = 3;

    /// <summary>Two a minute: the first token comes back 30 s after the bucket was made, far beyond a test's few requests.</summary>
    public const int FailedAuthenticationsPerMinute = 2;

    private readonly string _model = Directory.CreateTempSubdirectory("throttled-model-").FullName;

    public SiloProcess Silo { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        LexiconModelBuilder.Write(_model, ["negative", "positive"], [0f, 0.5f], new Dictionary<string, float[]> { ["refund"] = [20f, 0f] });
        Silo = await SiloProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["Models:0:Name"] = "sentiment",
                ["Models:0:Path"] = _model,
                ["Ingestion:ClassifyTextsPerSecond"] = ClassifyTextsPerSecond.ToString(CultureInfo.InvariantCulture),
                ["Ingestion:MaxBatchSize"] = MaxBatchSize.ToString(CultureInfo.InvariantCulture),
                ["Auth:FailedAuthenticationsPerMinute"] = FailedAuthenticationsPerMinute.ToString(CultureInfo.InvariantCulture),
            },
            new Dictionary<string, string> { ["Auth__AdminKey"] = AdminKey },
            listenAddress: "0.0.0.0");
        Admin = new HttpClient { BaseAddress = Silo.BaseUrl };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    /// <summary>Creates a key for a tenant with the admin key.</summary>
    public async Task<string> CreateKeyAsync(string tenant)
    {
        using var response = await Admin.PostAsync($"/v1/tenants/{tenant}/keys", null);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["key"]!;
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Silo.DisposeAsync();
        Directory.Delete(_model, recursive: true);
    }
}

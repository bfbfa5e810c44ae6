using Orleans.Sentiment.EndToEndTests;
using Orleans.Sentiment.Observability.Tests.Silo;

namespace Orleans.Sentiment.BrowserTests.Silo;

/// <summary>
/// A real silo process serving <see cref="TestModels"/> with API keys on (an admin key the tests use to create tenant
/// keys), webhook posts not retried and loopback receivers allowed. The default build carries the trainer, so tenant
/// models train here; the base encoder they need is extracted into the fixture's own folder, not the user's cache.
/// </summary>
public sealed class DashboardSiloFixture : IAsyncLifetime
{
    public const string AdminKey = "browser-tests-admin-key-0123456789abcdef";

    private readonly string _models = Directory.CreateTempSubdirectory("browser-models-").FullName;

    public SiloProcess Silo { get; private set; } = null!;

    /// <summary>Calls the silo with the admin key.</summary>
    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(TestModels.Write(_models))
        {
            ["Inference:CacheDirectory"] = _models,
            ["Auth:Mode"] = "ApiKey",
            ["Slack:MaxRetries"] = "0",
            ["Slack:AllowedHosts:0"] = "127.0.0.1",
            ["Slack:AllowPrivateNetworks"] = "true",
        };
        Silo = await SiloProcess.StartAsync(settings, new Dictionary<string, string> { ["Auth__AdminKey"] = AdminKey });
        Admin = new HttpClient { BaseAddress = Silo.BaseUrl };
        Admin.DefaultRequestHeaders.Authorization = new("Bearer", AdminKey);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Silo.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardSiloCollection : ICollectionFixture<DashboardSiloFixture>
{
    public const string Name = "dashboard silo";
}

using Orleans.Sentiment.EndToEndTests;

namespace Orleans.Sentiment.Observability.Tests.Silo;

/// <summary>
/// One real silo process for the observability tests, serving <see cref="TestModels"/>. Webhook posts are not
/// retried, so a refusing receiver counts as a failed delivery at once; loopback receivers are allowed.
/// </summary>
public sealed class ObservedSiloFixture : IAsyncLifetime
{
    private readonly string _models = Directory.CreateTempSubdirectory("observability-models-").FullName;

    public SiloProcess Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(TestModels.Write(_models))
        {
            ["Slack:MaxRetries"] = "0",
            ["Slack:RetryDelay"] = "00:00:00.050",
            ["Slack:AllowedHosts:0"] = "127.0.0.1",
            ["Slack:AllowPrivateNetworks"] = "true",
        };
        Silo = await SiloProcess.StartAsync(settings);
        Http = new HttpClient { BaseAddress = Silo.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        Directory.Delete(_models, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ObservedSiloCollection : ICollectionFixture<ObservedSiloFixture>
{
    public const string Name = "observed silo";
}

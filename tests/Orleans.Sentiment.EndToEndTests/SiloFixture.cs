using Orleans.Sentiment.Modeling;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// One silo process for the end-to-end tests, serving a bag-of-words model the fixture writes: comments with
/// "refund", "broken" or "crashing" are negative, the rest positive.
/// </summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private readonly string _model = Directory.CreateTempSubdirectory("e2e-model-").FullName;

    public const int MaxModelsPerTenant = 3;
    public const int MaxExamplesPerModel = 50;

    public string CorrectionsDirectory { get; } = Directory.CreateTempSubdirectory("e2e-corrections-").FullName;

    public SiloProcess Silo { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        float[] negative = [20f, 0f];
        LexiconModelBuilder.Write(_model, ["negative", "positive"], [0f, 0.5f], new Dictionary<string, float[]>
        {
            ["refund"] = negative,
            ["broken"] = negative,
            ["crashing"] = negative,
        });
        Silo = await SiloProcess.StartAsync(new Dictionary<string, string>
        {
            ["Models:0:Name"] = "sentiment",
            ["Models:0:Path"] = _model,
            ["Slack:RetryDelay"] = "00:00:00.100",
            // The tests' webhook receiver listens on loopback: allowed explicitly, as an operator would.
            ["Slack:AllowedHosts:0"] = "127.0.0.1",
            ["Slack:AllowPrivateNetworks"] = "true",
            ["Corrections:Directory"] = CorrectionsDirectory,
            // The per-tenant request rate has a fixture of its own; here it would only make polling tests flaky.
            ["Ingestion:RequestsPerSecondPerTenant"] = "1000",
            ["Training:MaxModelsPerTenant"] = MaxModelsPerTenant.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Training:MaxExamplesPerModel"] = MaxExamplesPerModel.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Http = new HttpClient { BaseAddress = Silo.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
        Directory.Delete(_model, recursive: true);
        Directory.Delete(CorrectionsDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}

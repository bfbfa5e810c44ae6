using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Hosting;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling;
using Orleans.TestingHost;

namespace Orleans.Sentiment.ClusterTests;

/// <summary>
/// One in-process test cluster wired by the production composition root (<c>AddSentiment</c>, embedded profile:
/// memory streams and storage) with the real grains and a lexicon model the fixture writes itself: comments with
/// "broken" are negative, everything else positive; "poison" and "unavailable" make the model fail (see
/// <see cref="FaultyClassifier"/>). The fixture supplies the silo's inference host, so the hosted model loader
/// stands aside.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private static readonly string ModelDirectory = Directory.CreateTempSubdirectory("cluster-model-").FullName;

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        LexiconModelBuilder.Write(ModelDirectory, ["negative", "positive"], [0f, 0.1f], new Dictionary<string, float[]> { ["broken"] = [50f, 0f] });
        var builder = new TestClusterBuilder(1);
        builder.ConfigureHostConfiguration(configuration => configuration.AddInMemoryCollection(Settings));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(ModelDirectory, recursive: true);
    }

    /// <summary>The settings the test silos and client run with.</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Slack:RetryDelay"] = "00:00:00.050",
        // The tests' webhook receiver listens on loopback: allowed explicitly, as an operator would.
        ["Slack:AllowedHosts:0"] = "127.0.0.1",
        ["Slack:AllowPrivateNetworks"] = "true",
        ["Slack:MaxRetries"] = "3",
        ["Sentiment:ClassifierBatchSize"] = "16",
        ["Sentiment:EvaluationInterval"] = "00:00:00.200",
        ["Sentiment:ClassificationDeadline"] = "00:00:05",
        ["Ingestion:MaxInFlightPerTenant"] = "1000",
        // At most half the deadline above.
        ["Ingestion:BacklogHorizon"] = "00:00:02",
        ["Ingestion:MaxSourcesPerTenant"] = "50",
        ["Training:MaxModelsPerTenant"] = "3",
        ["Training:MaxVersionsKept"] = "3",
        ["Training:MaxExamplesPerModel"] = "1200",
        ["Training:MaxRegression"] = "0.05",
    };

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(sp => SiloInference.Loaded(
                new ClassifierSet([new FaultyClassifier(OnnxTextClassifier.Load("sentiment", ModelDirectory))]),
                sp.GetRequiredService<SentimentMetrics>(),
                new InferenceOptions { MaxBatchTexts = 64 }));
            silo.AddSentiment();
            silo.Services.AddSingleton(new PipelineClock(Clock));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) => client.AddSentimentClient();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

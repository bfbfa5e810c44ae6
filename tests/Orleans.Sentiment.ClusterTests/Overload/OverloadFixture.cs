using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Hosting;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling;
using Orleans.TestingHost;

namespace Orleans.Sentiment.ClusterTests.Overload;

/// <summary>
/// A silo that is easy to overload and that redelivers: a model that takes a millisecond per text on one worker, a
/// real clock (the admission bound follows the measured rate), and a grain response timeout of one second, so a
/// stream delivery still being classified after a second is delivered again while the first is still at work.
/// </summary>
public sealed class OverloadFixture : IAsyncLifetime
{
    private static readonly string ModelDirectory = Directory.CreateTempSubdirectory("overload-model-").FullName;

    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>The silo's in-flight count, as its gauge reads it.</summary>
    public SiloInFlight InFlight => SiloServices.GetRequiredService<SiloInFlight>();

    /// <summary>The silo's own meters, to tell its measurements from other silos' in this test process.</summary>
    public System.Diagnostics.Metrics.IMeterFactory Meters => SiloServices.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();

    private IServiceProvider SiloServices => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

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

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Sentiment:ClassifierBatchSize"] = "16",
        ["Sentiment:ClassificationDeadline"] = "00:01:00",
        ["Sentiment:RecentCapacity"] = "10000",
        ["Sentiment:RecentMaxBytes"] = "16777216",
        ["Ingestion:BacklogHorizon"] = "00:00:02",
        ["Ingestion:MinInFlight"] = "300",
    };

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(sp => SiloInference.Loaded(
                new ClassifierSet([new SlowClassifier(new FaultyClassifier(OnnxTextClassifier.Load("sentiment", ModelDirectory)))]),
                sp.GetRequiredService<SentimentMetrics>(),
                new InferenceOptions { MaxBatchTexts = 16, Workers = 1 }));
            silo.AddSentiment();
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(1));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) => client.AddSentimentClient();
    }

    /// <summary>A model that takes one millisecond per text, so a few producers outrun it.</summary>
    private sealed class SlowClassifier(ITextClassifier inner) : ITextClassifier
    {
        public string Name => inner.Name;

        public IReadOnlyList<string> Labels => inner.Labels;

        public string TokenizerKey => inner.TokenizerKey;

        public int[] Encode(string text) => inner.Encode(text);

        public IReadOnlyList<Prediction> Run(IReadOnlyList<int[]> batch)
        {
            Thread.Sleep(batch.Count);
            return inner.Run(batch);
        }

        public void Dispose() => inner.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class OverloadCollection : ICollectionFixture<OverloadFixture>
{
    public const string Name = "overload";
}

using System.Diagnostics.Metrics;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.Adapters;
using Orleans.Sentiment.Tests.Inference.Batching;
using Orleans.Sentiment.Tests.Telemetry;

namespace Orleans.Sentiment.Tests.Inference.Adapters;

/// <summary>
/// The silo's per-text model selection: the named configured models and the calling tenant's own models run, another
/// tenant's model is refused, a tenant model that cannot serve fails each text naming it, and the adapter cache reports.
/// The same shared encoder embeds texts for themes.
/// </summary>
public sealed class ClassifyWithTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("classify-with-").FullName;
    private readonly FakeAdapterModelSource _source = new();
    private readonly OwnMeterFactory _meters = new();
    private readonly FakeClassifier _first = new() { Name = "sentiment" };
    private readonly FakeClassifier _second = new() { Name = "category" };
    private SiloInference _inference = null!;
    private SynthWeights _weights = null!;
    private string _encoderFolder = null!;

    public Task InitializeAsync()
    {
        var baseFolder = Path.Combine(_folder, "base");
        _weights = SyntheticModelWriter.Write(baseFolder, new SyntheticModelRequest(TransformerShape.Tiny with { VocabSize = 400 }, ["a", "b"])
        {
            Initialization = new SynthInitialization { Seed = 3, WeightStandardDeviation = 0.2 },
        });
        _encoderFolder = Path.Combine(_folder, "encoder");
        AdapterEncoderFolder.Write(_encoderFolder, new PretrainedEncoder(_weights.Shape, _weights.Tensors, baseFolder), LoraBankLayout.QueryValue(_weights.Shape));
        var tenantModels = new TenantAdapterModels(_source, (_, _) => Task.FromResult(AdapterEncoderSession.Load(_encoderFolder, new OnnxClassifierOptions(), capacity: 4)));
        _inference = SiloInference.Loaded(new ClassifierSet([_first, _second]), new SentimentMetrics(_meters), new InferenceOptions { Workers = 1 }, tenantModels);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ClassifyWithAsync_ConfiguredAndOwnTenantModel_EachTextGetsExactlyThose()
    {
        _source.Activate("acme:issues", "v1", TestAdapters.Write(Path.Combine(_folder, "v1"), _weights.Shape, seed: 1, labels: ["stability", "feature"]));

        var results = await _inference.ClassifyWithAsync("acme", ["the app crashes", "add export"], ["sentiment", "acme:issues"]);

        Assert.All(results, r => Assert.Equal(["acme:issues", "sentiment"], r.Predictions!.Keys.Order(StringComparer.Ordinal)));
        Assert.All(results, r => Assert.Contains(r.Predictions!["acme:issues"].Label, new[] { "stability", "feature" }));
        Assert.Empty(_second.Calls);
    }

    [Fact]
    public async Task ClassifyWithAsync_AnotherTenantsModel_IsRefusedNamingIt()
    {
        _source.Activate("acme:issues", "v1", TestAdapters.Write(Path.Combine(_folder, "v1"), _weights.Shape, seed: 1));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _inference.ClassifyWithAsync("globex", ["text"], ["acme:issues"]));

        Assert.Contains("'acme:issues' is not a model of tenant 'globex'", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _source.Loads);
    }

    [Fact]
    public async Task ClassifyWithAsync_UnknownConfiguredModel_IsRefusedListingTheServedOnes()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _inference.ClassifyWithAsync("acme", ["text"], ["toxicity"]));

        Assert.Contains("the configured models are sentiment, category", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyWithAsync_TenantModelWithoutActiveVersion_FailsEveryTextNamingIt()
    {
        var results = await _inference.ClassifyWithAsync("acme", ["one", "two"], ["sentiment", "acme:draft"]);

        Assert.All(results, r => Assert.Contains("'acme:draft' has no active version", r.Failure, StringComparison.Ordinal));
        Assert.Empty(_first.Calls);
    }

    [Fact]
    public async Task ClassifyAsync_NoSelection_RunsEveryConfiguredModelAsBefore()
    {
        var results = await _inference.ClassifyAsync(["plain"], "acme");

        Assert.Equal(["category", "sentiment"], results[0].Predictions!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClassifyWithAsync_SameModelTwice_LoadsOnceThenHitsTheCache()
    {
        var counts = ObserveAdapterCache();
        _source.Activate("acme:issues", "v1", TestAdapters.Write(Path.Combine(_folder, "v1"), _weights.Shape, seed: 1));

        await _inference.ClassifyWithAsync("acme", ["first"], ["acme:issues"]);
        await _inference.ClassifyWithAsync("acme", ["second"], ["acme:issues"]);

        Assert.Equal(1, _source.Loads);
        Assert.Equal(1, counts["miss"]);
        Assert.True(counts["hit"] >= 1, $"hits: {counts["hit"]}");
    }

    [Fact]
    public async Task EmbedAsync_Texts_AreTheBareSharedEncodersPooledVectorsAndRunNoClassifier()
    {
        string[] texts = ["the app crashes on start", "add an export button"];
        _source.Activate("acme:issues", "v1", TestAdapters.Write(Path.Combine(_folder, "v1"), _weights.Shape, seed: 1));
        await _inference.ClassifyWithAsync("acme", ["a tenant adapter in the bank"], ["acme:issues"]);

        var vectors = await _inference.EmbedAsync(texts, "acme", "builtin:minilm");

        // Slot 0 of the bank is the base encoder itself, whatever tenant adapters the bank holds.
        using var bare = AdapterEncoderSession.Load(_encoderFolder, new OnnxClassifierOptions(), capacity: 1);
        for (var i = 0; i < texts.Length; i++)
        {
            var (_, mean) = bare.Encode([(bare.Encode(texts[i]), 0)]);
            Assert.Equal(bare.Hidden, vectors[i].Length);
            Assert.All(mean.Zip(vectors[i]), p => Assert.Equal(p.First, p.Second, 1e-4f));
        }

        Assert.Empty(_first.Calls);
        Assert.Empty(_second.Calls);
    }

    public async Task DisposeAsync()
    {
        await _inference.DisposeAsync();
        _meters.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, long> ObserveAdapterCache()
    {
        var counts = new Dictionary<string, long> { ["hit"] = 0, ["miss"] = 0 };
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (_meters.Owns(instrument.Meter) && instrument.Name == "orleans_sentiment_adapter_cache_requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (counts)
            {
                counts[(string)tags.ToArray().Single(t => t.Key == "result").Value!] += value;
            }
        });
        listener.Start();
        return counts;
    }
}

using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.ModelFolders;

namespace Orleans.Sentiment.Modeling.Tests.Adapters;

/// <summary>
/// Tenant models resolved through the registry: served from their active version (a newly activated one from the next
/// call), loaded once however many callers ask at once, and run for several tenants in one shared-encoder call.
/// </summary>
public sealed class TenantAdapterModelsTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly FakeAdapterModelSource _source = new();
    private readonly SynthWeights _weights;
    private readonly string _baseFolder;
    private readonly string _encoderFolder;

    public TenantAdapterModelsTests()
    {
        _baseFolder = _folder.Combine("base");
        _weights = TinyFolders.Write(_baseFolder);
        _encoderFolder = _folder.Combine("encoder");
        AdapterEncoderFolder.Write(_encoderFolder, new PretrainedEncoder(_weights.Shape, _weights.Tensors, _baseFolder), LoraBankLayout.QueryValue(_weights.Shape));
    }

    [Fact]
    public async Task ResolveAsync_NewVersionActivated_NextCallServesIt()
    {
        using var models = Open();
        _source.Activate("acme:m", "v1", Artifact("v1", seed: 1));
        var first = await models.ResolveAsync(["acme:m"], CancellationToken.None);

        _source.Activate("acme:m", "v2", Artifact("v2", seed: 2, labels: ["late flight", "lost luggage"]));
        var second = await models.ResolveAsync(["acme:m"], CancellationToken.None);

        Assert.Equal("v1", first[0].Adapter.Version.VersionId);
        Assert.Equal("v2", second[0].Adapter.Version.VersionId);
        var prediction = second[0].Encoder.Run([(second[0].Encoder.Encode("where is my bag"), second[0].Adapter)])[0];
        Assert.Equal(["late flight", "lost luggage"], prediction.Scores.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ResolveAsync_NoActiveVersion_ThrowsNamingTheModel()
    {
        using var models = Open();

        var error = await Assert.ThrowsAsync<TenantModelUnavailableException>(() => models.ResolveAsync(["acme:none"], CancellationToken.None));

        Assert.Contains("'acme:none' has no active version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_ManyCallersAtFirstUse_LoadTheVersionOnceAndThenHitTheBank()
    {
        using var models = Open();
        var uses = new List<bool>();
        models.AdapterUsed += hit => { lock (uses) { uses.Add(hit); } };
        _source.Activate("acme:m", "v1", Artifact("v1", seed: 1));

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => models.ResolveAsync(["acme:m"], CancellationToken.None))));

        Assert.Equal(1, _source.Loads);
        Assert.All(runs, r => Assert.Same(runs[0][0].Adapter, r[0].Adapter));
        Assert.Equal([false], uses);
        Assert.Equal(1, models.LoadedAdapters);
    }

    [Fact]
    public async Task Run_BatchMixingTenantsAndTheConfiguredModel_MakesOneSharedEncoderCall()
    {
        using var models = Open();
        _source.Activate("acme:m", "v1", Artifact("v1", seed: 1));
        _source.Activate("globex:m", "v1", Artifact("globex-v1", seed: 2, labels: ["quality", "feature"]));
        using var set = new ClassifierSet([OnnxTextClassifier.Load("base", _baseFolder)]);
        var acme = new ModelSelection([0], await models.ResolveAsync(["acme:m"], CancellationToken.None));
        var globex = new ModelSelection([], await models.ResolveAsync(["globex:m"], CancellationToken.None));
        var encoder = acme.TenantModels[0].Encoder;
        var calls = encoder.Calls;

        var results = set.Run([set.Encode("the app crashes", acme), set.Encode("add a dark mode please", globex), set.Encode("great support", acme), set.Encode("plain text")]);

        Assert.Equal(calls + 1, encoder.Calls);
        Assert.Equal(["acme:m", "base"], results[0].Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["globex:m"], results[1].Keys);
        Assert.Equal(["acme:m", "base"], results[2].Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["base"], results[3].Keys);
        Assert.Contains(results[1]["globex:m"].Label, new[] { "quality", "feature" });
        // The shared call gives the row what that adapter gives the text alone.
        var alone = encoder.Run([(encoder.Encode("add a dark mode please"), globex.TenantModels[0].Adapter)])[0];
        Assert.True(TestAdapters.MaxDifference(alone.Logits, results[1]["globex:m"].Logits) <= 1e-5);
    }

    public void Dispose() => _folder.Dispose();

    private TenantAdapterModels Open() => new(_source, (_, _) => Task.FromResult(AdapterEncoderSession.Load(_encoderFolder, new OnnxClassifierOptions(), capacity: 4)));

    private AdapterArtifact Artifact(string name, int seed, string[]? labels = null) =>
        TestAdapters.Write(_folder.Combine(name), _weights.Shape, seed, labels: labels);
}

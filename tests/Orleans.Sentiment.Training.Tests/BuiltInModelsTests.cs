using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.BuiltIn;
using Orleans.Sentiment.Modeling.Catalog;

namespace Orleans.Sentiment.Training.Tests;

/// <summary>One build of the built-in models shared by the tests below (it takes seconds: two adapter merges).</summary>
public sealed class BuiltInModelsFixture : IDisposable
{
    public BuiltInModelsFixture() => Folders = BuiltInModels.EnsureBuilt(Cache.Path);

    public TemporaryDirectory Cache { get; } = new();

    public BuiltInModelFolders Folders { get; }

    public void Dispose() => Cache.Dispose();
}

public sealed class BuiltInModelsTests(BuiltInModelsFixture fixture) : IClassFixture<BuiltInModelsFixture>
{
    [Fact]
    public void EnsureBuilt_SentimentModel_LabelsPlainComplaintsNegativeAndPraisePositive()
    {
        using var classifier = OnnxTextClassifier.Load(BuiltInModels.SentimentModelName, fixture.Folders.Sentiment);

        var predictions = classifier.Classify([
            "The app keeps crashing and support never answered. Very disappointed.",
            "My parcel arrived two weeks late and the box was damaged.",
            "Thank you, the staff were friendly and checkout was quick!",
        ]);

        Assert.Equal(["negative", "neutral", "positive"], classifier.Labels);
        Assert.Equal(["negative", "negative", "positive"], predictions.Select(p => p.Label));
    }

    [Fact]
    public void EnsureBuilt_CategoryModel_HasTheCorpusCategories()
    {
        using var classifier = OnnxTextClassifier.Load(BuiltInModels.CategoryModelName, fixture.Folders.Category);

        var prediction = classifier.Classify(["I was charged twice for my subscription this month, please refund me."])[0];

        Assert.Contains("bug report", classifier.Labels);
        Assert.Equal("billing", prediction.Label);
    }

    [Fact]
    public void EnsureBuilt_SecondCall_ReusesTheCachedFolder()
    {
        var modelFile = Path.Combine(fixture.Folders.Sentiment, "onnx", "model.onnx");
        var written = File.GetLastWriteTimeUtc(modelFile);
        var messages = new List<string>();

        var again = BuiltInModels.EnsureBuilt(fixture.Cache.Path, new Collecting(messages));

        Assert.Equal(fixture.Folders, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(modelFile));
        Assert.DoesNotContain(messages, m => m.StartsWith("Merging", StringComparison.Ordinal));
    }

    [Fact]
    public void EnsureBuilt_AnotherCache_TrainsByteIdenticalModels()
    {
        using var other = new TemporaryDirectory();

        var rebuilt = BuiltInModels.EnsureBuilt(other.Path);

        Assert.Equal(
            File.ReadAllBytes(Path.Combine(fixture.Folders.Sentiment, "onnx", "model.onnx")),
            File.ReadAllBytes(Path.Combine(rebuilt.Sentiment, "onnx", "model.onnx")));
    }

    [Fact]
    public async Task LocateClassifier_BuiltInReference_ReturnsTheCachedFolder() =>
        Assert.Equal(fixture.Folders.Category, await new ModelLocator(fixture.Cache.Path).LocateClassifierAsync(ModelReference.Parse("builtin:category", "--model"), "--model"));

    private sealed class Collecting(List<string> into) : IProgress<string>
    {
        public void Report(string value) => into.Add(value);
    }
}

public sealed class BuiltInModelsCacheKeyTests
{
    [Theory]
    [InlineData("sentiment", "adapter/adapter_model.safetensors")]
    [InlineData("category", "config.json")]
    public void CacheKey_AnyAdapterFileChanges_KeyChanges(string model, string file)
    {
        var adapters = BuiltInModels.ModelNames.ToDictionary(m => m, BuiltInModels.AdapterResources, StringComparer.Ordinal);
        var before = BuiltInModels.CacheKey(adapters);

        var changed = (byte[])adapters[model][file].Clone();
        changed[^2] ^= 1;
        adapters[model][file] = changed;

        Assert.NotEqual(before, BuiltInModels.CacheKey(adapters));
    }

    [Fact]
    public void CacheKey_SameAdapters_SameKey() =>
        Assert.Equal(
            BuiltInModels.CacheKey(BuiltInModels.ModelNames.ToDictionary(m => m, BuiltInModels.AdapterResources, StringComparer.Ordinal)),
            BuiltInModels.CacheKey(BuiltInModels.ModelNames.ToDictionary(m => m, BuiltInModels.AdapterResources, StringComparer.Ordinal)));
}

using System.Security.Cryptography;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Testing;
using Orleans.Sentiment.Modeling.BuiltIn;
using Orleans.Sentiment.Training.Pretrained;

namespace Orleans.Sentiment.Training.Tests.BuiltIn;

/// <summary>The shipped adapters: built with their label priors, and trained from the corpus as it is now.</summary>
public sealed class BuiltInAdapterTests(BuiltInModelsFixture fixture) : IClassFixture<BuiltInModelsFixture>
{
    [Theory]
    [InlineData("sentiment")]
    [InlineData("category")]
    public void EnsureBuilt_LogitsDifferFromTheBareAdapterByExactlyThePriors(string model)
    {
        using var bare = new TemporaryDirectory();
        var encoder = PretrainedEncoder.Load(MiniLmModel.EnsureExtracted(fixture.Cache.Path));
        BuiltInAdapterModel.Write(bare.Path, encoder, BuiltInModels.AdapterResources(model), new Dictionary<string, float>(), BuiltInModels.TrainedFrom[model]);
        using var withoutPriors = OnnxTextClassifier.Load("bare", bare.Path);
        using var builtIn = OnnxTextClassifier.Load(model, model == "sentiment" ? fixture.Folders.Sentiment : fixture.Folders.Category);
        string[] texts = ["The app crashes when I upload a photo.", "Please add a dark mode.", "Great service, thanks!"];

        var expected = withoutPriors.Classify(texts);
        var actual = builtIn.Classify(texts);

        var shifts = BuiltInModels.LogitShifts[model];
        Assert.NotEmpty(shifts);
        for (var t = 0; t < texts.Length; t++)
        {
            for (var l = 0; l < builtIn.Labels.Count; l++)
            {
                var shift = shifts.GetValueOrDefault(builtIn.Labels[l]);
                Assert.Equal(expected[t].Logits[l] + shift, actual[t].Logits[l], 3);
            }
        }
    }

    [Theory]
    [InlineData("sentiment")]
    [InlineData("category")]
    public void ShippedAdapter_WasTrainedFromTheCurrentCorpus(string model)
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "data", "builtin");
        var recorded = File.ReadAllLines(Path.Combine(folder, "adapters", model, "sources.sha256"))
            .Select(line => line.Split("  ", 2))
            .ToList();

        Assert.Contains(recorded, r => r[1] == "feedback.csv");
        foreach (var (hash, file) in recorded.Select(r => (r[0], r[1])))
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, file))));
            Assert.True(hash == actual, $"data/builtin/{file} changed after the {model} adapter was trained: run tools/builtin-adapters/train.sh {model} and commit data/builtin/adapters/{model}.");
        }
    }
}

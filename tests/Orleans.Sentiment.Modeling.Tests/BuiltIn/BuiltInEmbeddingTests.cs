using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.BuiltIn;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.BuiltIn;

/// <summary>The built-in sentiment model returns each text's sentence embedding with its prediction.</summary>
public sealed class BuiltInEmbeddingTests(BuiltInModelsFixture fixture) : IClassFixture<BuiltInModelsFixture>
{
    private static readonly string[] Texts =
    [
        "The app keeps crashing when I upload a photo.",
        "Thank you, checkout was quick!",
        "The app keeps crashing when I upload a photo.",
    ];

    [Fact]
    public void Classify_BuiltInSentiment_GivesA384FloatEmbeddingPerTextThatFollowsTheText()
    {
        using var classifier = OnnxTextClassifier.Load(BuiltInModels.SentimentModelName, fixture.Folders.Sentiment);

        var embeddings = classifier.Classify(Texts).Select(p => Assert.IsType<float[]>(p.Embedding)).ToList();

        Assert.All(embeddings, e => Assert.Equal(MiniLmModel.Shape.Hidden, e.Length));
        Assert.Equal(embeddings[0], embeddings[2]);
        Assert.True(embeddings[0].Zip(embeddings[1]).Max(p => Math.Abs(p.First - p.Second)) > 0.01f, "two different texts gave the same embedding");
    }

    [Fact]
    public void Classify_BuiltInSentiment_EmbeddingIsTheMergedEncodersMeanPooledHiddenState()
    {
        using var classifier = OnnxTextClassifier.Load(BuiltInModels.SentimentModelName, fixture.Folders.Sentiment);
        var encoder = PretrainedEncoder.Load(MiniLmModel.EnsureExtracted(fixture.CacheDirectory));
        var weights = new SynthWeights(encoder.Shape, classifier.Labels);
        foreach (var (name, tensor) in PeftAdapter.Read(Path.Combine(fixture.Folders.Sentiment, "adapter")).Merge(encoder))
        {
            weights.Set(name, tensor);
        }

        var predictions = classifier.Classify(Texts[..2]);

        var reference = new ReferenceEncoder(weights);
        for (var i = 0; i < predictions.Count; i++)
        {
            var expected = reference.MeanPooled(classifier.Tokenizer.Encode(Texts[i]));
            var actual = predictions[i].Embedding!;
            for (var h = 0; h < expected.Length; h++)
            {
                Assert.True(Math.Abs(expected[h] - actual[h]) < 1e-4, $"text {i} dimension {h}: reference {expected[h]}, ONNX {actual[h]}");
            }
        }
    }
}

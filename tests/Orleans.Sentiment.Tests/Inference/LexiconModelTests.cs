using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling;

namespace Orleans.Sentiment.Tests.Inference;

public sealed class LexiconModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lexicon-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Classify_WordsWithNegativeWeight_PredictsNegativeWithRawLogits()
    {
        LexiconModelBuilder.Write(
            _directory,
            ["negative", "positive"],
            [0f, 0.5f],
            new Dictionary<string, float[]> { ["broken"] = [4f, 0f], ["great"] = [0f, 4f] });
        using var classifier = OnnxTextClassifier.Load("sentiment", _directory);

        var predictions = classifier.Classify(["The app is BROKEN again", "great support", "nothing here"]);

        Assert.Equal(["negative", "positive", "positive"], predictions.Select(p => p.Label));
        // "[CLS] the app is broken again [SEP]": 7 tokens, one of them "broken" (weight 4 on negative).
        Assert.Equal(4f / 7f, predictions[0].Logits[0], 5);
        Assert.Equal(0.5f, predictions[0].Logits[1], 5);
        Assert.Equal(7, predictions[0].TokenCount);
        Assert.Equal(1f, predictions[1].Scores.Values.Sum(), 4);
    }
}

using System.Collections.Concurrent;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class CommentClassifierTests
{
    private static readonly SentimentOptions Options = new() { ClassifierBatchSize = 10 };

    [Fact]
    public async Task ClassifyAsync_LargeDelivery_KeepsAtMostChunksInFlightAndReturnsOutcomesInOrder()
    {
        var comments = Enumerable.Range(0, 25 * Options.ClassifierBatchSize).Select(i => new Comment("t", "s", $"c{i}", $"text {i}", DateTimeOffset.UnixEpoch)).ToList();
        var inFlight = 0;
        var peak = 0;
        var calls = 0;
        var classifier = new CommentClassifier(
            async texts =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref peak, now);
                Interlocked.Increment(ref calls);
                await Task.Yield();
                await Task.Delay(5);
                Interlocked.Decrement(ref inFlight);
                return [.. texts.Select(t => TextClassification.Success(Predict(t)))];
            },
            Options);

        var outcomes = await classifier.ClassifyAsync(comments);

        Assert.Equal(CommentClassifier.ChunksInFlight, peak);
        Assert.Equal(25, calls);
        Assert.Equal(comments.Select(c => c.Text), outcomes.Select(o => o.Predictions!["m"].Label));
    }

    [Fact]
    public async Task ClassifyAsync_LongComments_ChunksHoldAtMostTheCharacterBudget()
    {
        var options = new SentimentOptions { ClassifierBatchSize = 64 };
        var text = new string('x', 1_340);
        var comments = Enumerable.Range(0, 100).Select(i => new Comment("t", "s", $"c{i}", text, DateTimeOffset.UnixEpoch)).ToList();
        var sizes = new ConcurrentBag<int>();
        var classifier = new CommentClassifier(
            texts =>
            {
                sizes.Add(texts.Length);
                return Task.FromResult<IReadOnlyList<TextClassification>>([.. texts.Select(t => TextClassification.Success(Predict("x")))]);
            },
            options);

        var outcomes = await classifier.ClassifyAsync(comments);

        // 8,000 characters hold five comments of 1,340: 20 chunks of 5, not two of 64 and 36.
        Assert.Equal(100, outcomes.Count);
        Assert.All(sizes, size => Assert.Equal(5, size));
        Assert.Equal(20, sizes.Count);
    }

    [Fact]
    public async Task ClassifyAsync_ModelFailsOneText_ThatCommentAloneGetsTheModelErrorReason()
    {
        var comments = Enumerable.Range(0, 3).Select(i => new Comment("t", "s", $"c{i}", i == 1 ? "bad" : "good", DateTimeOffset.UnixEpoch)).ToList();
        var classifier = new CommentClassifier(
            texts => Task.FromResult<IReadOnlyList<TextClassification>>([.. texts.Select(t => t == "bad" ? TextClassification.Failed("boom") : TextClassification.Success(Predict(t)))]),
            Options);

        var outcomes = await classifier.ClassifyAsync(comments);

        Assert.Equal([null, CommentClassifier.ModelErrorReason, null], outcomes.Select(o => o.Reason));
        Assert.Equal("boom", outcomes[1].Detail);
    }

    private static Dictionary<string, Prediction> Predict(string text) =>
        new() { ["m"] = new Prediction(text, 1f, new Dictionary<string, float> { [text] = 1f }, [0f], 1) };

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

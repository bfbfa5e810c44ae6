using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Testing;
using static Orleans.Sentiment.ClusterTests.ClusterPipeline;

namespace Orleans.Sentiment.ClusterTests;

/// <summary>An accepted comment is classified or dead-lettered with a reason; it is never silently lost.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FailureIsolationTests(ClusterFixture fixture)
{
    private readonly ClusterPipeline _pipeline = new(fixture);

    [Fact]
    public async Task Stream_TextThatBreaksTheModel_IsDeadLetteredAloneAndItsNeighboursAreClassified()
    {
        var key = NewSource("tenant-poison");
        var comments = Enumerable.Range(0, 30).Select(i => Comment(key, $"p{i}", i == 7 ? "poison pill" : "works fine")).ToList();

        await _pipeline.PublishAsync(key, comments);
        var (window, page) = await Eventually.WaitForAsync(
            async () => (await _pipeline.Source(key).GetWindowAsync(), await DeadLetters(key).GetAsync(10)),
            r => r.Item1.Count + r.Item2.Total >= 30,
            "every comment classified or dead-lettered");

        Assert.True(page.Total == 1, $"dead letters: {string.Join("; ", page.Items.Select(l => $"{l.Id} {l.Reason}"))}");
        Assert.Equal(29, window.Count);
        var letter = Assert.Single(page.Items);
        Assert.Equal(("p7", key.Source, "poison pill"), (letter.Id, letter.Source, letter.Text));
        Assert.StartsWith("model_error", letter.Reason);
    }

    [Fact]
    public async Task Stream_ClassifierUnavailablePastTheDeadline_DeadLettersTheChunkAndLaterBatchesStillFlow()
    {
        var key = NewSource("tenant-unavailable");

        await _pipeline.PublishAsync(key, [Comment(key, "u1", "unavailable right now")]);
        var page = await Eventually.WaitForAsync(() => DeadLetters(key).GetAsync(10), p => p.Total >= 1, "the comment to be dead-lettered");
        await _pipeline.PublishAsync(key, [Comment(key, "u2", "works fine")]);
        var window = await _pipeline.WaitForCountAsync(key, 1);

        Assert.StartsWith("classifier_unavailable", Assert.Single(page.Items).Reason);
        Assert.Equal(1, window.Count);
    }

    [Fact]
    public async Task Stream_DeadLetteredCommentRedelivered_IsStoredOnce()
    {
        var key = NewSource("tenant-poison-twice");
        var poison = Comment(key, "twice", "poison again");

        await _pipeline.PublishAsync(key, [poison]);
        await Eventually.WaitForAsync(() => DeadLetters(key).GetAsync(10), p => p.Total >= 1, "one dead letter");
        await _pipeline.PublishAsync(key, [poison, Comment(key, "marker", "fine")]);
        await _pipeline.WaitForCountAsync(key, 1);

        Assert.Equal(1, (await DeadLetters(key).GetAsync(10)).Total);
    }

    private IDeadLetterGrain DeadLetters(SourceKey key) => _pipeline.Grains.GetGrain<IDeadLetterGrain>(key.Tenant);
}

using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.DeadLetters;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Tests.Pipeline;

/// <summary>What a source and a tenant keep in memory is bounded in bytes, not only in counts.</summary>
public sealed class SourceMemoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecentComments_LongTexts_StayUnderTheByteBudget()
    {
        var recent = new RecentComments();
        for (var i = 0; i < 200; i++)
        {
            recent.Add(Classified($"id{i}", new string('x', 10_000)), maxCount: 200, maxBytes: 256 * 1024);
        }

        Assert.InRange(recent.Bytes, 1, 256 * 1024);
        Assert.Equal(12, recent.Count);
        Assert.Equal("id199", recent.Take(1)[0].Id);
    }

    [Fact]
    public void RecentComments_OneCommentOverBudget_IsStillKept()
    {
        var recent = new RecentComments();
        recent.Add(Classified("big", new string('x', 100_000)), maxCount: 200, maxBytes: 4096);

        Assert.Equal(1, recent.Count);
    }

    [Fact]
    public void RecentIds_BeyondCapacity_ForgetsTheOldest()
    {
        var ids = new RecentIds();
        for (var i = 0; i < 150; i++)
        {
            ids.Add($"comment-{i}", capacity: 100);
        }

        Assert.Equal(100, ids.Count);
        Assert.False(ids.Contains("comment-49"));
        Assert.True(ids.Contains("comment-50"));
        Assert.True(ids.Contains("comment-149"));
    }

    [Fact]
    public void DeadLetterStore_SameCommentTwice_IsStoredOnce()
    {
        var store = new DeadLetterStore();
        var letter = new DeadLetter("app", "c1", "text", "model_error", Now);

        Assert.Equal(1, store.Add([letter], 1_000_000));
        Assert.Equal(0, store.Add([letter with { At = Now.AddSeconds(1) }], 1_000_000));
        Assert.Equal(1, store.Total);
    }

    [Fact]
    public void DeadLetterStore_OverTheByteBound_DropsTheOldest()
    {
        var store = new DeadLetterStore();
        var letters = Enumerable.Range(0, 100).Select(i => new DeadLetter("app", $"c{i}", new string('x', 1000), "model_error", Now)).ToList();

        store.Add(letters, 20_000);

        Assert.Equal(100, store.Total);
        Assert.InRange(store.Count, 1, 10);
        Assert.Equal("c99", store.Newest(1)[0].Id);
    }

    private static ClassifiedComment Classified(string id, string text) =>
        new(id, text, Now, new Dictionary<string, Prediction>(), "positive", false);
}

using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Ingestion;

namespace Orleans.Sentiment.Tests.Ingestion;

public sealed class StreamMessageBudgetTests
{
    [Fact]
    public void Split_LargeBatchOfLongComments_MessagesHoldAtMostTheCharacterBudgetInOrder()
    {
        var comments = Enumerable.Range(0, 1_000).Select(i => new Comment("t", "s", $"c{i}", new string('x', 1_340), DateTimeOffset.UnixEpoch)).ToList();

        var messages = StreamMessageBudget.Split(comments, maxBytes: 256 * 1024, maxTextChars: 16_000).ToList();

        // 16,000 characters hold 11 comments of 1,340; 256 KB alone would have held 180.
        Assert.All(messages.SkipLast(1), m => Assert.Equal(11, m.Count));
        Assert.Equal(comments, messages.SelectMany(m => m));
    }

    [Fact]
    public void Split_CommentLongerThanTheBudget_TravelsAlone()
    {
        var comments = new[] { "short", new string('y', 20_000), "short again" }
            .Select((text, i) => new Comment("t", "s", $"c{i}", text, DateTimeOffset.UnixEpoch)).ToList();

        var messages = StreamMessageBudget.Split(comments, maxBytes: 256 * 1024, maxTextChars: 16_000).ToList();

        Assert.Equal([1, 1, 1], messages.Select(m => m.Count));
    }

    [Fact]
    public void Split_ShortComments_StayOneMessage()
    {
        var comments = Enumerable.Range(0, 50).Select(i => new Comment("t", "s", $"c{i}", "The app keeps crashing when I open the checkout page.", DateTimeOffset.UnixEpoch)).ToList();

        Assert.Single(StreamMessageBudget.Split(comments, maxBytes: 256 * 1024, maxTextChars: 16_000));
    }
}

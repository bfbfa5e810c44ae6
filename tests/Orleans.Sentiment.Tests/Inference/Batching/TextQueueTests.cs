using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Tests.Inference.Batching;

public sealed class TextQueueTests
{
    [Fact]
    public void TakeBatch_MixedLengthsFromSeveralCallers_GroupsNearestLengthsAroundTheOldest()
    {
        var queue = new TextQueue();
        var sequence = 0L;
        foreach (var tokens in new[] { 10, 50, 11, 49, 12, 9, 51 })
        {
            Add(queue, tokens, ref sequence);
        }

        var batch = queue.TakeBatch(maxTexts: 4, maxTokens: 10_000, aroundOldest: true);

        Assert.Equal([9, 10, 11, 12], batch.Select(t => t.Tokens).Order());
        Assert.Equal(3, queue.Count);
        Assert.Equal([49, 50, 51], queue.TakeBatch(4, 10_000, aroundOldest: true).Select(t => t.Tokens).Order());
    }

    [Fact]
    public void TakeBatch_Normally_CutsTheSortedQueueFromTheShortest()
    {
        var queue = new TextQueue();
        var sequence = 0L;
        foreach (var tokens in new[] { 50, 10, 49, 12, 30, 11, 31 })
        {
            Add(queue, tokens, ref sequence);
        }

        Assert.Equal([10, 11, 12], queue.TakeBatch(maxTexts: 3, maxTokens: 10_000).Select(t => t.Tokens));
        Assert.Equal([30, 31, 49], queue.TakeBatch(maxTexts: 3, maxTokens: 10_000).Select(t => t.Tokens));
        Assert.Equal([50], queue.TakeBatch(maxTexts: 3, maxTokens: 10_000).Select(t => t.Tokens));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void TakeBatch_TokenBudget_LimitsTextsTimesLongest()
    {
        var queue = new TextQueue();
        var sequence = 0L;
        foreach (var tokens in new[] { 20, 20, 20, 30, 30 })
        {
            Add(queue, tokens, ref sequence);
        }

        var batch = queue.TakeBatch(maxTexts: 64, maxTokens: 90);

        // 3 × 20 = 60 fits; a 30-token text would make 4 × 30 = 120.
        Assert.Equal([20, 20, 20], batch.Select(t => t.Tokens));
    }

    [Fact]
    public void TakeBatch_TextLongerThanTheBudget_StillRunsAlone()
    {
        var queue = new TextQueue();
        var sequence = 0L;
        Add(queue, 500, ref sequence);
        Add(queue, 500, ref sequence);

        var batch = queue.TakeBatch(maxTexts: 64, maxTokens: 100);

        Assert.Single(batch);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void TakeBatch_PaddingCap_LeavesLongerTextsForACallOfTheirOwnLength()
    {
        var queue = new TextQueue();
        var sequence = 0L;
        foreach (var tokens in new[] { 10, 10, 10, 10, 11, 40, 41, 42 })
        {
            Add(queue, tokens, ref sequence);
        }

        // Five texts of 10-11 tokens pad by 4 of 51; a 40-token text would make 6 × 40 = 240 padded for 91 real.
        Assert.Equal([10, 10, 10, 10, 11], queue.TakeBatch(maxTexts: 32, maxTokens: 10_000, maxPadding: 0.1, minTexts: 2).Select(t => t.Tokens));
        Assert.Equal([40, 41, 42], queue.TakeBatch(maxTexts: 32, maxTokens: 10_000, maxPadding: 0.1, minTexts: 2).Select(t => t.Tokens));
    }

    [Fact]
    public void TakeBatch_PaddingCap_NeverCutsBelowTheMinimumCount()
    {
        var queue = new TextQueue();
        var sequence = 0L;
        foreach (var tokens in new[] { 5, 50, 60 })
        {
            Add(queue, tokens, ref sequence);
        }

        Assert.Equal([5, 50], queue.TakeBatch(maxTexts: 32, maxTokens: 10_000, maxPadding: 0.1, minTexts: 2).Select(t => t.Tokens));
        Assert.Equal([60], queue.TakeBatch(maxTexts: 32, maxTokens: 10_000, maxPadding: 0.1, minTexts: 2).Select(t => t.Tokens));
    }

    [Fact]
    public void TakeBatch_PaddingCapAroundTheOldest_StopsOnTheSideThatPadsTooMuch()
    {
        var queue = new TextQueue();
        var sequence = 0L;
        foreach (var tokens in new[] { 30, 29, 31, 8, 9 })
        {
            Add(queue, tokens, ref sequence);
        }

        var batch = queue.TakeBatch(maxTexts: 32, maxTokens: 10_000, aroundOldest: true, maxPadding: 0.1, minTexts: 2);

        Assert.Equal([29, 30, 31], batch.Select(t => t.Tokens).Order());
        Assert.Equal(2, queue.Count);
    }

    [Fact]
    public void Remove_DroppedTexts_AreNeverTakenAndLeaveTheCount()
    {
        var queue = new TextQueue();
        var sequence = 0L;
        var dropped = Add(queue, 5, ref sequence);
        Add(queue, 5, ref sequence);

        queue.Remove(dropped);
        queue.Remove(dropped);

        Assert.Equal(1, queue.Count);
        Assert.Equal(5, queue.Tokens);
        var batch = queue.TakeBatch(64, 1000);
        Assert.DoesNotContain(dropped, batch);
        Assert.Single(batch);
    }

    private static PendingText Add(TextQueue queue, int tokens, ref long sequence)
    {
        var text = new PendingText(new PendingCall(["t"]), 0, Encoded(tokens), sequence++, 0);
        queue.Add(text);
        return text;
    }

    private static EncodedText Encoded(int tokens) => new("t", [new int[tokens]]);
}

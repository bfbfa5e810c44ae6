using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Tests.Inference.Batching;

public sealed class FairTextQueueTests
{
    private long _sequence;

    [Fact]
    public void TakeBatch_FloodingLaneAndAQuietOne_TheQuietTextIsInTheNextCall()
    {
        var queue = new FairTextQueue();
        for (var i = 0; i < 1000; i++)
        {
            Add(queue, "noisy", 10);
        }

        Take(queue, maxTexts: 32);
        var quiet = Add(queue, "quiet", 10);

        var next = Take(queue, maxTexts: 32);

        Assert.Contains(quiet, next);
        Assert.Equal(32, next.Count);
    }

    [Fact]
    public void TakeBatch_CallStartingWithALightLane_TakesOnlyLightLanesTexts()
    {
        var queue = new FairTextQueue();
        for (var i = 0; i < 100; i++)
        {
            Add(queue, "noisy", 10);
        }

        Take(queue, maxTexts: 32);
        var quiet = Add(queue, "quiet", 10);
        var other = Add(queue, "other", 10);

        var next = queue.TakeBatch(new BatchBuilder(32, 100_000), starvedBefore: long.MinValue, lightLaneTexts: 8);

        Assert.Equal([quiet, other], next.OrderBy(t => t.Sequence));
        Assert.Equal(32, Take(queue, maxTexts: 32).Count);
    }

    [Fact]
    public void TakeBatch_TwoBusyLanes_ShareTheModelEquallyByTokens()
    {
        var queue = new FairTextQueue();
        for (var i = 0; i < 400; i++)
        {
            Add(queue, "short", 10);
            Add(queue, "long", 40);
        }

        var tokens = new Dictionary<string, long> { ["short"] = 0, ["long"] = 0 };
        for (var call = 0; call < 20; call++)
        {
            foreach (var text in Take(queue, maxTexts: 32, maxTokens: 640))
            {
                tokens[text.Lane] += text.Tokens;
            }
        }

        // Each call is one lane's (the padding cap keeps lengths apart); over 20 calls both lanes got about as many tokens.
        Assert.InRange(tokens["short"] / (double)tokens["long"], 0.8, 1.25);
    }

    [Fact]
    public void TakeBatch_LaneReturningAfterIdleness_GetsNoCreditForTheTimeItWasAway()
    {
        var queue = new FairTextQueue();
        Add(queue, "early", 10);
        Take(queue, maxTexts: 32);
        for (var i = 0; i < 100; i++)
        {
            Add(queue, "busy", 10);
        }

        for (var call = 0; call < 3; call++)
        {
            Take(queue, maxTexts: 8);
        }

        // "early" was served 10 tokens long ago, "busy" 240 since: returning, "early" starts level, not 230 tokens ahead.
        for (var i = 0; i < 100; i++)
        {
            Add(queue, "early", 10);
        }

        var lanes = Enumerable.Range(0, 4).Select(_ => Take(queue, maxTexts: 8, maxPadding: 0, minTexts: 8)).Select(b => b[0].Lane).ToArray();
        Assert.Equal(2, lanes.Count(l => l == "early"));
    }

    [Fact]
    public void Remove_DroppedTexts_LeaveTheCountsAndEmptyLanesGo()
    {
        var queue = new FairTextQueue();
        var dropped = Add(queue, "a", 5);
        Add(queue, "b", 7);

        queue.Remove(dropped);
        queue.Remove(dropped);

        Assert.Equal(1, queue.Count);
        Assert.Equal(7, queue.Tokens);
        Assert.Equal(1, queue.ActiveLanes);
        Assert.Equal(0, queue.CountOf("a"));
        Assert.DoesNotContain(dropped, Take(queue, 32));
    }

    [Fact]
    public void TakeBatch_StarvedTextOfALane_IsTakenWithItsNearestLengths()
    {
        var queue = new FairTextQueue();
        var old = Add(queue, "a", 50);
        for (var i = 0; i < 10; i++)
        {
            Add(queue, "a", 5);
        }

        var batch = queue.TakeBatch(new BatchBuilder(4, 10_000, 0.1, 1), starvedBefore: long.MaxValue);

        Assert.Equal(old, batch[0]);
        Assert.Single(batch);
    }

    private PendingText Add(FairTextQueue queue, string lane, int tokens)
    {
        var text = new PendingText(new PendingCall(["t"]), 0, Encoded(tokens), _sequence++, _sequence, lane);
        queue.Add(text);
        return text;
    }

    private static List<PendingText> Take(FairTextQueue queue, int maxTexts, int maxTokens = 100_000, double maxPadding = 0.1, int minTexts = 1) =>
        queue.TakeBatch(new BatchBuilder(maxTexts, maxTokens, maxPadding, minTexts), starvedBefore: long.MinValue);

    private static EncodedText Encoded(int tokens) => new("t", [new int[tokens]]);
}

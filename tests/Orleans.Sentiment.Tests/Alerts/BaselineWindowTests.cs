using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Windows;

namespace Orleans.Sentiment.Tests.Alerts;

public sealed class BaselineWindowTests
{
    private static readonly DateTimeOffset Start = new(2015, 2, 17, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counts_BaselineLearnsOnlyFromCommentsThatLeftTheWindow()
    {
        var window = new RollingWindow(10);
        window.Watch(AlertPolicy.Default);
        Add(window, negatives: 10, others: 0, Start);

        Assert.Null(window.Counts(Start).Baseline);

        // Ten comments, none negative, push the ten negative ones out.
        Add(window, negatives: 0, others: 10, Start.AddMinutes(1));
        var counts = window.Counts(Start.AddMinutes(1));

        Assert.Equal((10, 0), (counts.Count, counts.NegativeCount));
        Assert.Equal(1.0, counts.Baseline!.Value, 9);
        Assert.Equal(10, counts.BaselineComments);
    }

    [Fact]
    public void Counts_CommentHorizon_ForgetsTheOldLevel()
    {
        var window = new RollingWindow(1);
        window.Watch(AlertPolicy.Default with { BaselineHorizon = 100 });
        Add(window, negatives: 1000, others: 0, Start);
        Add(window, negatives: 0, others: 1001, Start);

        // After ten horizons of the new level, (1 - 1/100)^1000 of the weight is left on the old one.
        Assert.InRange(window.Counts(Start).Baseline!.Value, 0, 0.001);
    }

    [Fact]
    public void Counts_HalfLife_WeighsByCommentTime()
    {
        var window = new RollingWindow(1);
        window.Watch(AlertPolicy.Default with { BaselineHalfLife = TimeSpan.FromDays(1) });
        Add(window, negatives: 100, others: 0, Start);
        Add(window, negatives: 0, others: 1, Start.AddDays(1));
        Add(window, negatives: 0, others: 100, Start.AddDays(1));

        // A day later, the 100 old negatives weigh as 50 against the 100 new comments.
        Assert.Equal(50.0 / 150, window.Counts(Start.AddDays(1)).Baseline!.Value, 2);
    }

    [Fact]
    public void Counts_FurtherWatch_CountsItsLabelAndLearnsItsOwnBaseline()
    {
        var window = new RollingWindow(4);
        window.Watch(AlertPolicy.Default with { Watches = [new AlertWatch("category", "bug report")] });
        for (var i = 0; i < 8; i++)
        {
            window.Add(Start, "sentiment", false, [new("sentiment", "neutral"), new("category", i < 4 ? "bug report" : "praise")]);
        }

        var bugs = Assert.Single(window.Counts(Start).Watches);
        Assert.Equal((4, 0), (bugs.Count, bugs.Hits));
        Assert.Equal(1.0, bugs.Baseline!.Value, 9);
    }

    [Fact]
    public void Watch_MainLabelChanged_StartsItsBaselineAgain()
    {
        var window = new RollingWindow(1);
        window.Watch(AlertPolicy.Default);
        Add(window, negatives: 5, others: 0, Start);

        Assert.True(window.Watch(AlertPolicy.Default with { WatchModel = "category", WatchLabel = "bug report" }));
        Assert.Null(window.Counts(Start).Baseline);
        Assert.False(window.Watch(AlertPolicy.Default with { WatchModel = "category", WatchLabel = "bug report" }));
    }

    private static void Add(RollingWindow window, int negatives, int others, DateTimeOffset at)
    {
        for (var i = 0; i < negatives + others; i++)
        {
            var negative = i < negatives;
            window.Add(at, "sentiment", negative, [new("sentiment", negative ? "negative" : "positive")]);
        }
    }
}

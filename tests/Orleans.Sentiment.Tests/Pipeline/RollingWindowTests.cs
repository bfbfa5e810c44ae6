using Orleans.Sentiment.Grains.Windows;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class RollingWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_MoreThanCapacity_KeepsOnlyTheLastComments()
    {
        var window = new RollingWindow(3);
        Add(window, Start, "negative");
        Add(window, Start, "positive");
        Add(window, Start, "positive");
        Add(window, Start, "neutral");

        var snapshot = window.Snapshot(alerting: false);

        Assert.Equal(3, snapshot.Count);
        Assert.Equal(0, snapshot.NegativeCount);
        Assert.Equal(new Dictionary<string, int> { ["positive"] = 2, ["neutral"] = 1 }, snapshot.LabelCounts);
    }

    [Fact]
    public void Reshape_Smaller_DropsOldestAndRecountsNegativeShare()
    {
        var window = new RollingWindow(4);
        Add(window, Start, "negative");
        Add(window, Start, "negative");
        Add(window, Start, "positive");
        Add(window, Start, "negative");

        window.Reshape(2, null);

        Assert.Equal(2, window.Count);
        Assert.Equal(1, window.NegativeCount);
        Assert.Equal(0.5, window.NegativeRatio);
    }

    [Fact]
    public void NegativeRatio_EmptyWindow_IsZero() => Assert.Equal(0, new RollingWindow(10).NegativeRatio);

    [Fact]
    public void Expire_WithDuration_DropsCommentsOlderThanTheWindow()
    {
        var window = new RollingWindow(100, TimeSpan.FromMinutes(10));
        Add(window, Start, "negative");
        Add(window, Start.AddMinutes(5), "negative");
        Add(window, Start.AddMinutes(9), "positive");

        Assert.True(window.Expire(Start.AddMinutes(12)));

        var snapshot = window.Snapshot(alerting: false);
        Assert.Equal(2, snapshot.Count);
        Assert.Equal(1, snapshot.NegativeCount);
        Assert.Equal(TimeSpan.FromMinutes(10), snapshot.WindowDuration);
        Assert.Equal(100, snapshot.WindowSize);
    }

    [Fact]
    public void Expire_WithoutDuration_KeepsEverything()
    {
        var window = new RollingWindow(100);
        Add(window, Start, "negative");

        Assert.False(window.Expire(Start.AddDays(30)));
        Assert.Equal(1, window.Count);
    }

    [Fact]
    public void Expire_EverythingOld_EmptiesTheWindowAndItsCounts()
    {
        var window = new RollingWindow(100, TimeSpan.FromMinutes(1));
        Add(window, Start, "negative");

        window.Expire(Start.AddMinutes(2));

        var snapshot = window.Snapshot(alerting: false);
        Assert.Equal(0, snapshot.Count);
        Assert.Empty(snapshot.LabelCounts);
        Assert.Empty(snapshot.ModelLabelCounts);
        Assert.Equal(0, snapshot.NegativeRatio);
    }

    [Fact]
    public void Snapshot_TwoModels_CountsEachModelsLabels()
    {
        var window = new RollingWindow(2);
        window.Add(Start, "sentiment", true, [KeyValuePair.Create("sentiment", "negative"), KeyValuePair.Create("category", "bug report")]);
        window.Add(Start, "sentiment", false, [KeyValuePair.Create("sentiment", "positive"), KeyValuePair.Create("category", "praise")]);
        window.Add(Start, "sentiment", false, [KeyValuePair.Create("sentiment", "positive"), KeyValuePair.Create("category", "praise")]);

        var snapshot = window.Snapshot(alerting: false);

        Assert.Equal(new Dictionary<string, int> { ["positive"] = 2 }, snapshot.LabelCounts);
        Assert.Equal(new Dictionary<string, int> { ["praise"] = 2 }, snapshot.ModelLabelCounts["category"]);
    }

    private static void Add(RollingWindow window, DateTimeOffset at, string label) =>
        window.Add(at, "sentiment", label == "negative", [KeyValuePair.Create("sentiment", label)]);
}

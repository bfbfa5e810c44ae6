using Orleans.Sentiment.Grains.Windows;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class RollingWindowTests
{
    [Fact]
    public void Add_MoreThanCapacity_KeepsOnlyTheLastComments()
    {
        var window = new RollingWindow(3);
        window.Add("negative", true);
        window.Add("positive", false);
        window.Add("positive", false);
        window.Add("neutral", false);

        var snapshot = window.Snapshot(alerting: false);

        Assert.Equal(3, snapshot.Count);
        Assert.Equal(0, snapshot.NegativeCount);
        Assert.Equal(new Dictionary<string, int> { ["positive"] = 2, ["neutral"] = 1 }, snapshot.LabelCounts);
    }

    [Fact]
    public void Resize_Smaller_DropsOldestAndRecountsNegativeShare()
    {
        var window = new RollingWindow(4);
        window.Add("negative", true);
        window.Add("negative", true);
        window.Add("positive", false);
        window.Add("negative", true);

        window.Resize(2);

        Assert.Equal(2, window.Count);
        Assert.Equal(1, window.NegativeCount);
        Assert.Equal(0.5, window.NegativeRatio);
    }

    [Fact]
    public void NegativeRatio_EmptyWindow_IsZero() => Assert.Equal(0, new RollingWindow(10).NegativeRatio);
}

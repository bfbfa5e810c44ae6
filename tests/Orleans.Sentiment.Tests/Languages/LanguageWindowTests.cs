using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Windows;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Tests.Languages;

/// <summary>A window with comments its models did not read: counted by language, left out of the shares they were not read for.</summary>
public sealed class LanguageWindowTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-12-01T10:00:00Z");

    [Fact]
    public void Snapshot_UnreadComments_AreCountedByLanguageAndLeftOutOfTheShare()
    {
        var window = new RollingWindow(10);
        Add(window, "negative", "en");
        Add(window, "positive", "en");
        Add(window, Prediction.UnsupportedLanguageLabel, "es");
        Add(window, Prediction.UnsupportedLanguageLabel, "de");
        window.Add(At, "sentiment", false, [KeyValuePair.Create("sentiment", "positive")]);

        var snapshot = window.Snapshot(alerting: false);

        Assert.Equal(5, snapshot.Count);
        Assert.Equal(3, snapshot.SharedComments);
        Assert.Equal(1.0 / 3, snapshot.NegativeRatio, 9);
        Assert.Equal(new Dictionary<string, int> { ["en"] = 2, ["es"] = 1, ["de"] = 1, [RollingWindow.UnknownLanguage] = 1 }, snapshot.LanguageCounts);
        Assert.False(snapshot.ModelLabelCounts.ContainsKey(RollingWindow.LanguageKey));
        Assert.Equal(2, snapshot.ModelLabelCounts["sentiment"][Prediction.UnsupportedLanguageLabel]);
    }

    [Fact]
    public void Counts_MainShareAndWatches_JudgeOnlyTheCommentsTheirModelRead()
    {
        var window = new RollingWindow(10);
        window.Watch(AlertPolicy.Default with { Watches = [new AlertWatch("multilingual", "bug")] });
        for (var i = 0; i < 4; i++)
        {
            window.Add(At, "sentiment", true, [KeyValuePair.Create("sentiment", "negative"), KeyValuePair.Create("multilingual", "bug")], language: "en");
        }

        for (var i = 0; i < 6; i++)
        {
            window.Add(At, "sentiment", false, [KeyValuePair.Create("sentiment", Prediction.UnsupportedLanguageLabel), KeyValuePair.Create("multilingual", "praise")], outsideShare: true, language: "es");
        }

        var counts = window.Counts(At);

        Assert.Equal(4, counts.Count);
        Assert.Equal(4, counts.NegativeCount);
        Assert.Equal(4, counts.RecentNegatives[^1]);
        var watch = Assert.Single(counts.Watches);
        Assert.Equal(10, watch.Count);
        Assert.Equal(4, watch.Hits);
    }

    private static void Add(RollingWindow window, string label, string language) => window.Add(
        At, "sentiment", label == "negative", [KeyValuePair.Create("sentiment", label)], label == Prediction.UnsupportedLanguageLabel, language);
}

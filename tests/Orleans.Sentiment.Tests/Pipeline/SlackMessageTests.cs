using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Alerts;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class SlackMessageTests
{
    private static readonly AlertNotification Spike = new("acme", "app-store", AlertKind.Spike, 14, 100, 100, 0.1, null, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Text_Spike_SaysSourceAndCounts() =>
        Assert.Equal("High negative feedback on acme/app-store: 14/100 negative in the last 100 comments", SlackMessage.Text(Spike));

    [Fact]
    public void Payload_Spike_HasTextAndOneMarkdownSection()
    {
        var payload = SlackMessage.Payload(Spike);

        Assert.Equal(SlackMessage.Text(Spike), (string?)payload["text"]);
        var block = Assert.Single(payload["blocks"]!.AsArray())!;
        Assert.Equal("section", (string?)block["type"]);
        Assert.Equal("mrkdwn", (string?)block["text"]!["type"]);
        Assert.Contains("acme/app-store", (string?)block["text"]!["text"]);
        Assert.Contains("*14/100* negative (14%)", (string?)block["text"]!["text"]);
    }

    [Fact]
    public void Text_Recovery_SaysBackToNormal() =>
        Assert.StartsWith("Negative feedback on acme/app-store is back to normal", SlackMessage.Text(Spike with { Kind = AlertKind.Recovery, NegativeCount = 8 }));

    [Fact]
    public void Text_BaselineSpikeOfAnotherModelsLabel_NamesTheLabelAndTheUsualShare()
    {
        var bugs = Spike with { Model = "category", Label = "bug report", Detector = SpikeDetector.Baseline, Baseline = 0.08, NegativeCount = 19, Count = 20 };

        Assert.Equal("High bug report (category) feedback on acme/app-store: 19/20 bug report in the last 20 comments, usually 8%", SlackMessage.Text(bugs));
        Assert.Contains("usual share 8%", (string?)SlackMessage.Payload(bugs)["blocks"]![0]!["text"]!["text"]);
    }

    [Fact]
    public void Payload_SpikeWithThemes_AddsASectionListingThemWithQuotedExamplesEscaped()
    {
        var themed = Spike with { Themes = [new AlertTheme("refund · waiting", 9, 0.64, ["a"], ["Still waiting <!channel> & more"]), new AlertTheme("crash · checkout", 5, 0.36, ["b"], [])] };

        var section = (string?)SlackMessage.Payload(themed)["blocks"]!.AsArray()[1]!["text"]!["text"];

        Assert.StartsWith("*What it is about:*", section);
        Assert.Contains("• *refund · waiting* — 9 comments (64%)\n> Still waiting &lt;!channel&gt; &amp; more", section);
        Assert.Contains("• *crash · checkout* — 5 comments (36%)", section);
    }
}

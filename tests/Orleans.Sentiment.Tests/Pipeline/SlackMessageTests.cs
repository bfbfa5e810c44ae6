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
}

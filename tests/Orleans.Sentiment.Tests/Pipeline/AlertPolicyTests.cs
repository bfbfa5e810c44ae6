using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class AlertPolicyTests
{
    [Fact]
    public void Default_MatchesTheDocumentedDefaults()
    {
        var policy = AlertPolicy.Default;

        Assert.Equal((100, 0.10, TimeSpan.FromMinutes(15)), (policy.WindowSize, policy.Threshold, policy.Cooldown));
        Assert.Empty(policy.Validate());
    }

    [Theory]
    [InlineData(0, 0.1, 1, "windowSize")]
    [InlineData(100, 1.0, 1, "threshold")]
    [InlineData(100, -0.1, 1, "threshold")]
    [InlineData(10, 0.1, 11, "minCount")]
    public void Validate_OutOfRange_NamesTheField(int windowSize, double threshold, int minCount, string field) =>
        Assert.Contains(field, new AlertPolicy(windowSize, threshold, minCount, TimeSpan.Zero, null).Validate().Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    public void Validate_CooldownUnderAMinute_NamesCooldown(int seconds) =>
        Assert.Contains("cooldown", (AlertPolicy.Default with { Cooldown = TimeSpan.FromSeconds(seconds) }).Validate().Keys);

    [Theory]
    [InlineData(5)]
    [InlineData(2 * 24 * 3600)]
    public void Validate_WindowDurationOutOfRange_NamesWindowDuration(int seconds) =>
        Assert.Contains("windowDuration", (AlertPolicy.Default with { WindowDuration = TimeSpan.FromSeconds(seconds) }).Validate().Keys);

    [Fact]
    public void Validate_TenMinuteWindow_IsValid() =>
        Assert.Empty((AlertPolicy.Default with { WindowDuration = TimeSpan.FromMinutes(10), ExportMetrics = true }).Validate());

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.test/hook")]
    public void Validate_BadWebhookUrl_NamesWebhookUrl(string url) =>
        Assert.Contains("webhookUrl", (AlertPolicy.Default with { WebhookUrl = url }).Validate().Keys);
}

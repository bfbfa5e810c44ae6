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

    [Fact]
    public void Default_DetectorIsTheThresholdAndTheBaselineDefaultsAreValid()
    {
        Assert.Equal(SpikeDetector.Threshold, AlertPolicy.Default.Detector);
        Assert.Empty((AlertPolicy.Default with { Detector = SpikeDetector.Baseline }).Validate());
    }

    [Theory]
    [InlineData("alpha", 0.0, 0.25, 300, 2000)]
    [InlineData("alpha", 0.6, 0.25, 300, 2000)]
    [InlineData("minLift", 0.001, -0.1, 300, 2000)]
    [InlineData("minBaseline", 0.001, 0.25, 0, 2000)]
    [InlineData("baselineHorizon", 0.001, 0.25, 300, 5)]
    public void Validate_BaselineSettingOutOfRange_NamesIt(string field, double alpha, double minLift, int minBaseline, int horizon) =>
        Assert.Contains(field, (AlertPolicy.Default with { Detector = SpikeDetector.Baseline, Alpha = alpha, MinLift = minLift, MinBaseline = minBaseline, BaselineHorizon = horizon }).Validate().Keys);

    [Fact]
    public void Validate_Watches_NamesEachBadOneByIndex()
    {
        var policy = AlertPolicy.Default with
        {
            Models = ["sentiment", "category"],
            Watches = [new AlertWatch("category", "bug report"), new AlertWatch("acme:intent", "refund"), new AlertWatch("category", "bug report"), new AlertWatch("category", "praise", Alpha: 0)],
        };

        var errors = policy.Validate();

        Assert.Equal(["watches[1]", "watches[2]", "watches[3]"], errors.Keys.Order());
        Assert.Contains("one of the source's models", errors["watches[1]"]);
        Assert.Contains("twice", errors["watches[2]"]);
        Assert.Contains("alpha", errors["watches[3]"]);
    }

    [Fact]
    public void Validate_WatchOfATenantModelTheSourceDoesNotRun_SaysToListIt() =>
        Assert.Contains("models lists it", (AlertPolicy.Default with { Watches = [new AlertWatch("acme:intent", "refund")] }).Validate()["watches[0]"]);

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

using Orleans.Sentiment.Grains.Alerts;

namespace Orleans.Sentiment.Tests.Security;

public sealed class WebhookUrlPolicyTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXX")]
    [InlineData("https://HOOKS.SLACK.COM/services/x")]
    [InlineData("https://hooks.slack.com./services/x")]
    public void Check_DefaultPolicy_AllowsSlack(string url) => Assert.Null(Policy().Check(url));

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://127.1/")]
    [InlineData("http://localhost:5080/v1/classify")]
    [InlineData("http://[::1]/")]
    [InlineData("https://hooks.slack.com.evil.example/x")]
    [InlineData("https://evilhooks.slack.com/x")]
    [InlineData("ftp://hooks.slack.com/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:secret@hooks.slack.com/x")]
    [InlineData("not a url")]
    public void Check_DefaultPolicy_RefusesEverythingElse(string url) => Assert.NotNull(Policy().Check(url));

    [Theory]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("http://100.64.1.1/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://224.0.0.1/")]
    [InlineData("http://localhost/")]
    [InlineData("http://api.localhost/")]
    public void Check_PrivateAddressEvenWhenListed_IsRefusedUnlessPrivateNetworksAreAllowed(string url)
    {
        var host = new Uri(url).IdnHost.Trim('[', ']');

        Assert.Contains("non-public", Policy(hosts: [host]).Check(url));
        Assert.Null(Policy(hosts: [host], allowPrivate: true).Check(url));
    }

    [Fact]
    public void Check_OwnMachineName_IsRefused()
    {
        var name = System.Net.Dns.GetHostName();

        Assert.NotNull(Policy(hosts: [name]).Check($"http://{name}:5080/"));
    }

    [Theory]
    [InlineData("https://a.example.com/x", true)]
    [InlineData("https://b.a.example.com/x", true)]
    [InlineData("https://example.com/x", false)]
    [InlineData("https://badexample.com/x", false)]
    public void Check_WildcardPattern_MatchesSubdomainsOnly(string url, bool allowed) =>
        Assert.Equal(allowed, Policy(hosts: ["*.example.com"]).Check(url) is null);

    [Fact]
    public void Options_CommaSeparatedValue_SplitsIntoHosts() =>
        Assert.Equal(["a.example", "*.b.example"], new SlackOptions { AllowedHosts = ["a.example, *.b.example"] }.EffectiveAllowedHosts);

    [Fact]
    public void Check_MaskedUrl_IsRefusedSoAMaskIsNeverStored() =>
        Assert.Contains("masked", Policy().Check(WebhookUrlPolicy.Mask("https://hooks.slack.com/services/T/B/X")!));

    [Theory]
    [InlineData("https://hooks.slack.com/services/T000/B000/SECRET", "https://hooks.slack.com/…")]
    [InlineData("http://127.0.0.1:9000/hook?token=SECRET", "http://127.0.0.1/…")]
    [InlineData(null, null)]
    public void Mask_ShowsSchemeAndHostOnly(string? url, string? masked) => Assert.Equal(masked, WebhookUrlPolicy.Mask(url));

    private static WebhookUrlPolicy Policy(string[]? hosts = null, bool allowPrivate = false) =>
        new(new SlackOptions { AllowedHosts = [.. hosts ?? []], AllowPrivateNetworks = allowPrivate });
}

using System.Net;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Tests.Security;

public sealed class WebhookAddressFilterTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("10.20.30.40")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::169.254.169.254")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:a9fe:a9fe::1")]
    public void IsPublic_SpecialPurposeAddress_False(string address) => Assert.False(WebhookAddressFilter.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsPublic_PublicAddress_True(string address) => Assert.True(WebhookAddressFilter.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task ConnectCallback_NameResolvingToLoopback_RefusesAfterResolutionAndSendsNothing()
    {
        await using var receiver = new WebhookReceiver();
        var url = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = WebhookAddressFilter.ConnectCallback(allowPrivateNetworks: false) });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(url, new StringContent("{}")));

        Assert.IsType<WebhookAddressRefusedException>(error.InnerException);
        Assert.Equal(0, receiver.Requests);
    }

    [Fact]
    public async Task ConnectCallback_PrivateNetworksAllowed_Connects()
    {
        await using var receiver = new WebhookReceiver();
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = WebhookAddressFilter.ConnectCallback(allowPrivateNetworks: true) });

        using var response = await http.PostAsync(receiver.Url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, receiver.Requests);
    }
}

using Orleans.Sentiment.Silo.Auth;

namespace Orleans.Sentiment.Tests.Security;

public sealed class AuthModeResolverTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("http://127.1.2.3:80")]
    [InlineData("http://unix:/run/sentiment.sock")]
    public void IsLoopback_LoopbackAddress_True(string address) => Assert.True(AuthModeResolver.IsLoopback(address));

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://sentiment.example:5080")]
    public void IsLoopback_AnyOtherAddress_False(string address) => Assert.False(AuthModeResolver.IsLoopback(address));

    [Fact]
    public void Resolve_UnsetOnLoopbackOnly_IsNone()
    {
        var decision = AuthModeResolver.Resolve(null, ["http://127.0.0.1:5080", "http://[::1]:5080"]);

        Assert.Equal(AuthMode.None, decision.Mode);
        Assert.Null(decision.Error);
    }

    [Fact]
    public void Resolve_UnsetWithANonLoopbackAddress_IsApiKey()
    {
        var decision = AuthModeResolver.Resolve(null, ["http://127.0.0.1:5080", "http://0.0.0.0:6000"]);

        Assert.Equal(AuthMode.ApiKey, decision.Mode);
        Assert.Equal(["http://0.0.0.0:6000"], decision.NonLoopback);
    }

    [Fact]
    public void Resolve_ExplicitNoneOnANonLoopbackAddress_IsAnErrorNamingTheSetting()
    {
        var decision = AuthModeResolver.Resolve(AuthMode.None, ["http://[::]:5080"]);

        Assert.Contains("Auth:Mode", decision.Error);
        Assert.Contains("http://[::]:5080", decision.Error);
    }

    [Fact]
    public void Resolve_ExplicitApiKeyOnLoopback_IsApiKey() =>
        Assert.Equal(AuthMode.ApiKey, AuthModeResolver.Resolve(AuthMode.ApiKey, ["http://127.0.0.1:5080"]).Mode);
}

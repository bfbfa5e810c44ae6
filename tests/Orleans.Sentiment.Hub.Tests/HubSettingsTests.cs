namespace Orleans.Sentiment.Hub.Tests;

public sealed class HubSettingsTests
{
    [Fact]
    public void FromEnvironment_Nothing_UsesHomeCacheAndHuggingFaceCo()
    {
        var settings = HubSettings.FromEnvironment(Env());

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".cache", "huggingface", "hub"), settings.CacheDirectory);
        Assert.Equal(new Uri("https://huggingface.co"), settings.Endpoint);
        Assert.False(settings.Offline);
    }

    [Fact]
    public void FromEnvironment_HfHome_PutsCacheUnderHub()
    {
        var settings = HubSettings.FromEnvironment(Env(("HF_HOME", "/data/hf")));

        Assert.Equal("/data/hf/hub", settings.CacheDirectory);
    }

    [Fact]
    public void FromEnvironment_HfHubCache_WinsOverHfHome()
    {
        var settings = HubSettings.FromEnvironment(Env(("HF_HOME", "/data/hf"), ("HF_HUB_CACHE", "/models")));

        Assert.Equal("/models", settings.CacheDirectory);
    }

    [Fact]
    public void FromEnvironment_XdgCacheHome_UsedWithoutHfHome()
    {
        var settings = HubSettings.FromEnvironment(Env(("XDG_CACHE_HOME", "/xdg")));

        Assert.Equal("/xdg/huggingface/hub", settings.CacheDirectory);
    }

    [Fact]
    public void FromEnvironment_EndpointAndToken_AreRead()
    {
        var settings = HubSettings.FromEnvironment(Env(("HF_ENDPOINT", "https://hf-mirror.example/"), ("HF_TOKEN", "hf_abc")));

        Assert.Equal(new Uri("https://hf-mirror.example"), settings.Endpoint);
        Assert.Equal("hf_abc", settings.Token);
    }

    [Fact]
    public void FromEnvironment_TokenFileUnderHfHome_IsRead()
    {
        using var home = new TempDirectory();
        File.WriteAllText(Path.Combine(home.Path, "token"), "hf_from_login\n");

        var settings = HubSettings.FromEnvironment(Env(("HF_HOME", home.Path)));

        Assert.Equal("hf_from_login", settings.Token);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    public void FromEnvironment_HfHubOffline_AcceptsHuggingFaceSpellings(string value, bool offline) =>
        Assert.Equal(offline, HubSettings.FromEnvironment(Env(("HF_HUB_OFFLINE", value))).Offline);

    [Fact]
    public void FromEnvironment_EndpointNotAUrl_ThrowsNamingHfEndpoint()
    {
        var error = Assert.Throws<ArgumentException>(() => HubSettings.FromEnvironment(Env(("HF_ENDPOINT", "not a url"))));

        Assert.Contains("HF_ENDPOINT", error.Message, StringComparison.Ordinal);
    }

    // Only the given variables exist; HOME-based defaults still come from the process.
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}

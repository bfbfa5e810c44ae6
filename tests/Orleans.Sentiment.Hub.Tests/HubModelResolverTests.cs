using Orleans.Sentiment.Hub.Tests.Fakes;

namespace Orleans.Sentiment.Hub.Tests;

public sealed class HubModelResolverTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private FakeHub _hub = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHub.StartAsync();
        _hub.Add(FakeRepo.Model("acme/sentiment-onnx"));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ResolveAsync_ExistingFolder_ReturnsItWithoutAskingTheHub()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Path, "my-model")).FullName;

        var resolved = await Resolver().ResolveAsync(folder);

        Assert.Equal(folder, resolved);
        Assert.Empty(_hub.Requests);
    }

    [Fact]
    public async Task ResolveAsync_HubId_PullsAndReturnsTheSnapshotFolder()
    {
        var resolved = await Resolver().ResolveAsync("acme/sentiment-onnx");

        Assert.StartsWith(Path.Combine(_temp.Path, "cache", "models--acme--sentiment-onnx", "snapshots"), resolved, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(resolved, "config.json")));
        Assert.True(File.Exists(Path.Combine(resolved, "onnx", "model.onnx")));
    }

    [Fact]
    public async Task ResolveAsync_HubIdWithVariant_PullsThatGraph()
    {
        var resolved = await Resolver().ResolveAsync("acme/sentiment-onnx", variants: ["quantized"]);

        Assert.True(File.Exists(Path.Combine(resolved, "onnx", "model_quantized.onnx")));
    }

    [Theory]
    [InlineData("./models/missing")]
    [InlineData("/no/such/folder")]
    [InlineData("models/nested/missing")]
    public async Task ResolveAsync_MissingPath_ThrowsWithoutAskingTheHub(string path)
    {
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Resolver().ResolveAsync(path));

        Assert.Empty(_hub.Requests);
    }

    [Theory]
    [InlineData("acme/model", true)]
    [InlineData("./acme/model", false)]
    [InlineData("/abs/path", false)]
    public void IsHubId_Value_TellsHubIdsFromPaths(string value, bool expected) => Assert.Equal(expected, HubModelResolver.IsHubId(value));

    private HubModelResolver Resolver()
    {
        var settings = _hub.Settings(Path.Combine(_temp.Path, "cache"));
        return new HubModelResolver(new HubModelPuller(settings, new HubApiClient(settings)));
    }
}

using Orleans.Sentiment.Hub.Tests.Fakes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Hub.Tests;

/// <summary>Runs <c>orleans-sentiment model pull</c> as a process against the fake hub.</summary>
public sealed class ModelPullCommandTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private FakeHub _hub = null!;
    private FakeRepo _repo = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHub.StartAsync();
        _repo = _hub.Add(FakeRepo.Model("acme/sentiment-onnx"));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task ModelPull_RedirectedOutput_PrintsSnapshotFolderOnStdoutAndProgressOnStderr()
    {
        var result = await RunAsync(["model", "pull", "acme/sentiment-onnx"]);

        Assert.Equal(0, result.ExitCode);
        var expected = Path.Combine(_temp.Path, "hf", "hub", "models--acme--sentiment-onnx", "snapshots", _repo.Commit);
        Assert.Equal(expected, result.Output.Trim());
        Assert.Contains("onnx/model.onnx: done", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(expected, "onnx", "model.onnx")));
    }

    [Fact]
    public async Task ModelPull_TokenFromEnvironment_ReachesGatedRepo()
    {
        _repo.RequiredToken = "hf_secret";

        var result = await RunAsync(["model", "pull", "acme/sentiment-onnx", "--variant", "quantized"], ("HF_TOKEN", "hf_secret"));

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(result.Output.Trim(), "onnx", "model_quantized.onnx")));
    }

    [Fact]
    public async Task ModelPull_GatedRepoWithoutToken_FailsNamingHfToken()
    {
        _repo.RequiredToken = "hf_secret";

        var result = await RunAsync(["model", "pull", "acme/sentiment-onnx"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HF_TOKEN", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output.Trim());
    }

    [Fact]
    public async Task ModelPull_OfflineWithEmptyCache_FailsNamingHfHubOffline()
    {
        var result = await RunAsync(["model", "pull", "acme/sentiment-onnx"], ("HF_HUB_OFFLINE", "1"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("HF_HUB_OFFLINE", result.Error, StringComparison.Ordinal);
        Assert.Empty(_hub.Requests);
    }

    [Fact]
    public async Task ModelPull_FilePatternAndCacheDir_FetchesMatchesIntoThatCache()
    {
        var cache = Path.Combine(_temp.Path, "elsewhere");

        var result = await RunAsync(["model", "pull", "acme/sentiment-onnx", "--file", "*.json", "--cache-dir", cache]);

        Assert.Equal(0, result.ExitCode);
        var snapshot = result.Output.Trim();
        Assert.StartsWith(cache, snapshot, StringComparison.Ordinal);
        Assert.Equal(["config.json", "tokenizer_config.json"], Directory.GetFiles(snapshot).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private Task<CliProcess.Result> RunAsync(string[] arguments, params (string Name, string Value)[] environment)
    {
        // Only what the test sets: no token, cache or offline switch leaks in from the machine.
        var variables = new[] { "HF_TOKEN", "HF_HUB_OFFLINE", "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "HF_TOKEN_PATH", "HUGGING_FACE_HUB_TOKEN" }
            .ToDictionary(name => name, _ => (string?)null);
        variables["HF_HOME"] = Path.Combine(_temp.Path, "hf");
        variables["HF_ENDPOINT"] = _hub.Endpoint.AbsoluteUri;
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return CliProcess.RunAsync(arguments, variables);
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Hub.Tests.Fakes;
using Orleans.Sentiment.Modeling;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>A silo configured with a hub id pulls the model from the (fake, loopback) hub on first start and serves it.</summary>
public sealed class HubModelSiloTests : IAsyncLifetime
{
    private readonly string _model = Directory.CreateTempSubdirectory("hub-model-").FullName;
    private readonly string _cache = Directory.CreateTempSubdirectory("hub-cache-").FullName;
    private FakeHub _hub = null!;

    public async Task InitializeAsync()
    {
        LexiconModelBuilder.Write(_model, ["negative", "positive"], [0f, 0.5f], new Dictionary<string, float[]> { ["refund"] = [20f, 0f] });
        _hub = await FakeHub.StartAsync();
        var repo = _hub.Add(new FakeRepo("acme/feedback-lexicon"));
        foreach (var file in Directory.EnumerateFiles(_model, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(_model, file).Replace('\\', '/');
            repo.Files[relative] = new FakeFile(await File.ReadAllBytesAsync(file), lfs: relative.EndsWith(".onnx", StringComparison.Ordinal));
        }
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        Directory.Delete(_model, recursive: true);
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task Start_ModelPathIsHubId_PullsIntoTheCacheAndClassifiesWithIt()
    {
        await using var silo = await SiloProcess.StartAsync(
            new Dictionary<string, string> { ["Models:0:Path"] = "acme/feedback-lexicon" },
            new Dictionary<string, string> { ["HF_ENDPOINT"] = _hub.Endpoint.ToString().TrimEnd('/'), ["HF_HUB_CACHE"] = _cache });
        using var http = new HttpClient { BaseAddress = silo.BaseUrl };

        var response = await http.PostAsJsonAsync("/v1/classify", new { texts = new[] { "where is my refund", "all good" } });
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();

        Assert.Equal(["negative", "positive"], results.Select(r => (string?)r!["predictions"]!["feedback-lexicon"]!["label"]));
        Assert.True(File.Exists(Path.Combine(_cache, "models--acme--feedback-lexicon", "refs", "main")));
        Assert.Single(Directory.GetDirectories(Path.Combine(_cache, "models--acme--feedback-lexicon", "snapshots")));
    }
}

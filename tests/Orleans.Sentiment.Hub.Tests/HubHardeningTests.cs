using Orleans.Sentiment.Hub.Tests.Fakes;

namespace Orleans.Sentiment.Hub.Tests;

/// <summary>What a hub answers never becomes a path outside the cache, and a path-like model setting is never a download.</summary>
public sealed class HubHardeningTests : IAsyncLifetime, IDisposable
{
    private const string RepoId = "acme/sentiment-onnx";
    private readonly TempDirectory _temp = new();
    private FakeHub _hub = null!;
    private FakeRepo _repo = null!;

    private string Cache => Path.Combine(_temp.Path, "cache");

    public async Task InitializeAsync()
    {
        _hub = await FakeHub.StartAsync();
        _repo = _hub.Add(FakeRepo.Model(RepoId));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("../../../outside")]
    [InlineData("0123456789abcdef0123456789abcdef0123456\n")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567")]
    [InlineData("main")]
    public async Task PullAsync_HubReportsACommitThatIsNot40Hex_RefusesAndWritesNoSnapshot(string commit)
    {
        _repo.Commit = commit;

        var error = await Assert.ThrowsAsync<HubException>(() => Puller().PullAsync(HubRepoId.Parse(RepoId), "main", HubFileSelection.ModelFolder()));

        Assert.Contains("40 hex", error.Message);
        Assert.False(Directory.Exists(Path.Combine(Cache, "models--acme--sentiment-onnx", "snapshots")));
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "outside")));
    }

    [Fact]
    public async Task PullAsync_EtagWithPathSeparators_StoresTheBlobUnderASafeNameInsideTheCache()
    {
        _repo.Files["config.json"].ServedEtag = "\"../../../../escaped\"";

        var snapshot = await Puller().PullAsync(HubRepoId.Parse(RepoId), "main", HubFileSelection.ModelFolder());

        Assert.Equal(_repo.Files["config.json"].Content, await File.ReadAllBytesAsync(Path.Combine(snapshot.Directory, "config.json")));
        Assert.Empty(Directory.GetFiles(_temp.Path, "escaped*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(_temp.Path, "escaped")));
        var blobs = Directory.GetFiles(Path.Combine(Cache, "models--acme--sentiment-onnx", "blobs")).Select(Path.GetFileName);
        Assert.Contains(HubFileMetadata.NormalizeEtag("\"../../../../escaped\""), blobs);
    }

    [Theory]
    [InlineData("\"0123456789abcdef0123456789abcdef01234567\"", "0123456789abcdef0123456789abcdef01234567")]
    [InlineData("W/\"abc-123_x.y\"", "abc-123_x.y")]
    public void NormalizeEtag_PlainToken_Unchanged(string header, string expected) => Assert.Equal(expected, HubFileMetadata.NormalizeEtag(header));

    [Theory]
    [InlineData("\"../x\"")]
    [InlineData("\".hidden\"")]
    [InlineData("\"a/b\"")]
    [InlineData("\"a\\\\b\"")]
    [InlineData("\"..\"")]
    public void NormalizeEtag_UnsafeAsAFileName_BecomesItsHash(string header)
    {
        var name = HubFileMetadata.NormalizeEtag(header);

        Assert.Matches(@"\Aetag-[0-9a-f]{64}\z", name);
        Assert.Null(new HubFileMetadata(new string('0', 40), name, 1, new Uri("http://hub.test/")).Sha256);
    }

    [Fact]
    public void SnapshotFolder_NotACommitHash_Throws() =>
        Assert.Throws<HubException>(() => new HubCacheLayout(Cache, HubRepoId.Parse(RepoId)).SnapshotFolder("../../x"));

    [Fact]
    public void ReadCommit_RefFileHoldingAPath_IsIgnored()
    {
        var layout = new HubCacheLayout(Cache, HubRepoId.Parse(RepoId));
        Directory.CreateDirectory(Path.Combine(layout.RepoFolder, "refs"));
        File.WriteAllText(Path.Combine(layout.RepoFolder, "refs", "main"), "../../../../tmp");

        Assert.Null(layout.ReadCommit("main"));
    }

    [Fact]
    public async Task ResolveAsync_OrgNameWhoseOrgIsALocalFolder_IsAMissingPathNotADownload()
    {
        var local = $"hub-hardening-{Guid.NewGuid():N}";
        Directory.CreateDirectory(local);
        try
        {
            var setting = $"{local}/missing-model";

            Assert.False(HubModelResolver.IsHubId(setting));
            await Assert.ThrowsAsync<DirectoryNotFoundException>(() => new HubModelResolver(Puller()).ResolveAsync(setting));
            Assert.Empty(_hub.Requests);
        }
        finally
        {
            Directory.Delete(local);
        }
    }

    [Theory]
    [InlineData("acme/model\n")]
    [InlineData("acme/../model")]
    [InlineData("~/models/x")]
    public void IsHubId_PathLikeOrTrailingNewline_False(string value) => Assert.False(HubModelResolver.IsHubId(value));

    private HubModelPuller Puller()
    {
        var settings = _hub.Settings(Cache);
        return new HubModelPuller(settings, new HubApiClient(settings));
    }
}

using Orleans.Sentiment.Hub.Tests.Fakes;

namespace Orleans.Sentiment.Hub.Tests;

public sealed class HubModelPullerTests : IAsyncLifetime, IDisposable
{
    private const string RepoId = "acme/sentiment-onnx";
    private readonly TempDirectory _cache = new();
    private FakeHub _hub = null!;
    private FakeRepo _repo = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHub.StartAsync();
        _repo = _hub.Add(FakeRepo.Model(RepoId));
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task PullAsync_DefaultSelection_FetchesModelFolderFilesOnly()
    {
        var snapshot = await PullAsync(_hub.Settings(_cache.Path));

        Assert.Equal(["config.json", "onnx/model.onnx", "tokenizer_config.json", "vocab.txt"], snapshot.Files.Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(snapshot.Directory, "pytorch_model.bin")));
        Assert.False(File.Exists(Path.Combine(snapshot.Directory, "onnx", "model_quantized.onnx")));
        Assert.Equal(_repo.Files["onnx/model.onnx"].Content, await File.ReadAllBytesAsync(Path.Combine(snapshot.Directory, "onnx", "model.onnx")));
        Assert.Equal(_repo.Files["config.json"].Content, await File.ReadAllBytesAsync(Path.Combine(snapshot.Directory, "config.json")));
    }

    [Fact]
    public async Task PullAsync_Revision_WritesHuggingFaceHubCacheLayout()
    {
        var snapshot = await PullAsync(_hub.Settings(_cache.Path));

        var repoFolder = Path.Combine(_cache.Path, "models--acme--sentiment-onnx");
        Assert.Equal(Path.Combine(repoFolder, "snapshots", _repo.Commit), snapshot.Directory);
        Assert.Equal(_repo.Commit, snapshot.CommitHash);
        // refs/main holds the bare commit hash, no newline.
        Assert.Equal(_repo.Commit, await File.ReadAllTextAsync(Path.Combine(repoFolder, "refs", "main")));

        // Regular files are stored under their git sha1, LFS files under their sha256; snapshots link to them relatively.
        var config = new FileInfo(Path.Combine(snapshot.Directory, "config.json"));
        Assert.Equal($"../../blobs/{_repo.Files["config.json"].GitSha1}", config.LinkTarget);
        var model = new FileInfo(Path.Combine(snapshot.Directory, "onnx", "model.onnx"));
        Assert.Equal($"../../../blobs/{_repo.Files["onnx/model.onnx"].Sha256}", model.LinkTarget);
        Assert.Equal(
            snapshot.Files.Select(f => _repo.Files[f].Etag).Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(repoFolder, "blobs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(_cache.Path, ".locks", "models--acme--sentiment-onnx", _repo.Files["onnx/model.onnx"].Sha256 + ".lock")));
    }

    [Fact]
    public async Task PullAsync_CommitHashRevision_WritesNoRef()
    {
        var snapshot = await PullAsync(_hub.Settings(_cache.Path), revision: _repo.Commit);

        Assert.True(File.Exists(Path.Combine(snapshot.Directory, "config.json")));
        Assert.False(Directory.Exists(Path.Combine(_cache.Path, "models--acme--sentiment-onnx", "refs")));
    }

    [Fact]
    public async Task PullAsync_EveryFile_AsksForTheResolvedCommitNotTheBranch()
    {
        await PullAsync(_hub.Settings(_cache.Path));

        var resolves = _hub.RequestsTo("hub").Where(r => r.Path.Contains("/resolve/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(resolves);
        Assert.All(resolves, r => Assert.Contains($"/resolve/{_repo.Commit}/", r.Path, StringComparison.Ordinal));
        Assert.Equal(4, resolves.Count(r => r.Method == "HEAD"));
    }

    [Fact]
    public async Task PullAsync_LfsFile_DownloadsFromRedirectTargetWithoutToken()
    {
        _repo.RequiredToken = "hf_secret";

        await PullAsync(_hub.Settings(_cache.Path, token: "hf_secret"));

        Assert.All(_hub.RequestsTo("hub"), r => Assert.Equal("Bearer hf_secret", r.Authorization));
        var cdn = Assert.Single(_hub.RequestsTo("cdn"));
        Assert.Equal($"/blobs/{_repo.Files["onnx/model.onnx"].Sha256}", cdn.Path);
        Assert.Null(cdn.Authorization);
    }

    [Fact]
    public async Task PullAsync_RelativeLfsRedirect_DownloadsFromItOnTheSameHost()
    {
        _hub.LfsRedirectIsRelative = true;

        var snapshot = await PullAsync(_hub.Settings(_cache.Path));

        Assert.Equal(_repo.Files["onnx/model.onnx"].Content, await File.ReadAllBytesAsync(Path.Combine(snapshot.Directory, "onnx", "model.onnx")));
        var blob = Assert.Single(_hub.RequestsTo("hub"), r => r.Path.StartsWith("/lfs/", StringComparison.Ordinal));
        Assert.Equal("GET", blob.Method);
    }

    [Fact]
    public async Task PullAsync_GatedRepoWithoutToken_ThrowsUnauthorizedNamingHfToken()
    {
        _repo.RequiredToken = "hf_secret";

        var error = await Assert.ThrowsAsync<HubException>(() => PullAsync(_hub.Settings(_cache.Path)));

        Assert.Equal(HubErrorKind.Unauthorized, error.Kind);
        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.Contains("HF_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_WrongToken_SaysTheTokenHasNoAccess()
    {
        _repo.RequiredToken = "hf_secret";

        var error = await Assert.ThrowsAsync<HubException>(() => PullAsync(_hub.Settings(_cache.Path, token: "hf_other")));

        Assert.Equal(HubErrorKind.Unauthorized, error.Kind);
        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("token in HF_TOKEN has no access", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_UnknownRepo_ThrowsNotFound()
    {
        var puller = Puller(_hub.Settings(_cache.Path));

        var error = await Assert.ThrowsAsync<HubException>(
            () => puller.PullAsync(HubRepoId.Parse("acme/missing"), null, HubFileSelection.ModelFolder()));

        Assert.Equal(HubErrorKind.NotFound, error.Kind);
        Assert.Contains("'acme/missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_UnknownRevision_ThrowsNotFoundNamingTheRevision()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => PullAsync(_hub.Settings(_cache.Path), revision: "v9"));

        Assert.Equal(HubErrorKind.NotFound, error.Kind);
        Assert.Contains("Revision 'v9' was not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_Sha256Mismatch_ThrowsAndLeavesNoBlobOrPartialFile()
    {
        var model = _repo.Files["onnx/model.onnx"];
        model.AdvertisedSha256 = new string('0', 64);

        var error = await Assert.ThrowsAsync<HubException>(() => PullAsync(_hub.Settings(_cache.Path)));

        Assert.Equal(HubErrorKind.Integrity, error.Kind);
        Assert.Contains("sha256", error.Message, StringComparison.Ordinal);
        var repoFolder = Path.Combine(_cache.Path, "models--acme--sentiment-onnx");
        Assert.False(File.Exists(Path.Combine(repoFolder, "blobs", model.AdvertisedSha256)));
        Assert.False(File.Exists(Path.Combine(repoFolder, "blobs", model.AdvertisedSha256 + ".incomplete")));
        Assert.False(File.Exists(Path.Combine(repoFolder, "snapshots", _repo.Commit, "onnx", "model.onnx")));
        Assert.False(File.Exists(Path.Combine(repoFolder, "refs", "main")));
    }

    [Theory]
    [InlineData(-1000)]
    [InlineData(1000)]
    public async Task PullAsync_SizeDiffersFromAdvertised_ThrowsAndLeavesNoBlob(int difference)
    {
        var model = _repo.Files["onnx/model.onnx"];
        model.AdvertisedSize = model.Content.Length + difference;

        var error = await Assert.ThrowsAsync<HubException>(() => PullAsync(_hub.Settings(_cache.Path)));

        Assert.Equal(HubErrorKind.Integrity, error.Kind);
        Assert.Contains($"should be {model.AdvertisedSize} bytes", error.Message, StringComparison.Ordinal);
        var blobs = Path.Combine(_cache.Path, "models--acme--sentiment-onnx", "blobs");
        Assert.False(File.Exists(Path.Combine(blobs, model.Sha256)));
        Assert.False(File.Exists(Path.Combine(blobs, model.Sha256 + ".incomplete")));
    }

    [Fact]
    public async Task PullAsync_PartialIncompleteFile_ResumesWithRangeRequest()
    {
        var model = _repo.Files["onnx/model.onnx"];
        var blobs = Directory.CreateDirectory(Path.Combine(_cache.Path, "models--acme--sentiment-onnx", "blobs")).FullName;
        const int alreadyHave = 120_000;
        await File.WriteAllBytesAsync(Path.Combine(blobs, model.Sha256 + ".incomplete"), model.Content[..alreadyHave]);

        var snapshot = await PullAsync(_hub.Settings(_cache.Path));

        var cdn = Assert.Single(_hub.RequestsTo("cdn"));
        Assert.Equal($"bytes={alreadyHave}-", cdn.Range);
        Assert.Equal(model.Content, await File.ReadAllBytesAsync(Path.Combine(snapshot.Directory, "onnx", "model.onnx")));
        Assert.False(File.Exists(Path.Combine(blobs, model.Sha256 + ".incomplete")));
    }

    [Fact]
    public async Task PullAsync_ServerIgnoresRange_StartsOverAndStillVerifies()
    {
        var model = _repo.Files["onnx/model.onnx"];
        var blobs = Directory.CreateDirectory(Path.Combine(_cache.Path, "models--acme--sentiment-onnx", "blobs")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(blobs, model.Sha256 + ".incomplete"), new byte[50_000]);
        _hub.CdnIgnoresRange = true;

        var snapshot = await PullAsync(_hub.Settings(_cache.Path));

        Assert.Equal(model.Content, await File.ReadAllBytesAsync(Path.Combine(snapshot.Directory, "onnx", "model.onnx")));
    }

    [Fact]
    public async Task PullAsync_ConnectionDropsMidFile_ResumesFromWhatArrived()
    {
        var model = _repo.Files["onnx/model.onnx"];
        _hub.DropAfterBytes = 100_000;
        _hub.DropConnections(2);

        var snapshot = await PullAsync(_hub.Settings(_cache.Path));

        Assert.Equal(model.Content, await File.ReadAllBytesAsync(Path.Combine(snapshot.Directory, "onnx", "model.onnx")));
        Assert.Equal([null, "bytes=100000-", "bytes=200000-"], _hub.RequestsTo("cdn").Select(r => r.Range));
    }

    [Fact]
    public async Task PullAsync_AlreadyCached_OnlyAsksForTheRevision()
    {
        await PullAsync(_hub.Settings(_cache.Path));
        _hub.Requests.Clear();

        var snapshot = await PullAsync(_hub.Settings(_cache.Path));

        var request = Assert.Single(_hub.Requests);
        Assert.Equal($"/api/models/{RepoId}/revision/main", request.Path);
        Assert.False(snapshot.FromCache);
    }

    [Fact]
    public async Task PullAsync_BlobSharedWithAnotherRevisionsSnapshot_LinksWithoutDownloading()
    {
        var blobs = Directory.CreateDirectory(Path.Combine(_cache.Path, "models--acme--sentiment-onnx", "blobs")).FullName;
        var model = _repo.Files["onnx/model.onnx"];
        await File.WriteAllBytesAsync(Path.Combine(blobs, model.Sha256), model.Content);

        var snapshot = await PullAsync(_hub.Settings(_cache.Path));

        Assert.Empty(_hub.RequestsTo("cdn"));
        Assert.Equal(model.Content, await File.ReadAllBytesAsync(Path.Combine(snapshot.Directory, "onnx", "model.onnx")));
    }

    [Fact]
    public async Task PullAsync_Offline_UsesCachedSnapshotWithoutAnyRequest()
    {
        var online = await PullAsync(_hub.Settings(_cache.Path));
        _hub.Requests.Clear();

        var offline = await PullAsync(_hub.Settings(_cache.Path, offline: true));

        Assert.Empty(_hub.Requests);
        Assert.Equal(online.Directory, offline.Directory);
        Assert.True(offline.FromCache);
        Assert.Equal(online.Files.Order(StringComparer.Ordinal), offline.Files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PullAsync_OfflineAndNotCached_ThrowsNotCachedNamingHfHubOffline()
    {
        var error = await Assert.ThrowsAsync<HubException>(() => PullAsync(_hub.Settings(_cache.Path, offline: true)));

        Assert.Equal(HubErrorKind.NotCached, error.Kind);
        Assert.Contains("HF_HUB_OFFLINE", error.Message, StringComparison.Ordinal);
        Assert.Empty(_hub.Requests);
    }

    [Fact]
    public async Task PullAsync_OfflineWithSnapshotLackingRequestedVariant_ThrowsNotCached()
    {
        await PullAsync(_hub.Settings(_cache.Path));

        var error = await Assert.ThrowsAsync<HubException>(
            () => PullAsync(_hub.Settings(_cache.Path, offline: true), selection: HubFileSelection.ModelFolder("quantized")));

        Assert.Equal(HubErrorKind.NotCached, error.Kind);
    }

    [Fact]
    public async Task PullAsync_HubUnreachableWithCachedSnapshot_ServesTheCache()
    {
        var settings = _hub.Settings(_cache.Path);
        var online = await PullAsync(settings);
        await _hub.DisposeAsync();

        var fallback = await PullAsync(settings);

        Assert.True(fallback.FromCache);
        Assert.Equal(online.Directory, fallback.Directory);
    }

    [Fact]
    public async Task PullAsync_HubUnreachableWithoutCache_ThrowsNetworkErrorNamingTheHost()
    {
        var settings = _hub.Settings(_cache.Path);
        await _hub.DisposeAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => PullAsync(settings));

        Assert.Equal(HubErrorKind.Network, error.Kind);
        Assert.Contains(settings.Endpoint.Authority, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_RenamedRepo_FollowsRelativeRedirect()
    {
        _hub.Renamed["acme/old-name"] = RepoId;
        var puller = Puller(_hub.Settings(_cache.Path));

        var snapshot = await puller.PullAsync(HubRepoId.Parse("acme/old-name"), null, HubFileSelection.ModelFolder());

        Assert.True(File.Exists(Path.Combine(snapshot.Directory, "onnx", "model.onnx")));
        Assert.Contains("models--acme--old-name", snapshot.Directory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullAsync_FilePatterns_FetchesExactlyTheMatches()
    {
        var snapshot = await PullAsync(_hub.Settings(_cache.Path), selection: HubFileSelection.Matching(["*.json", "onnx/*quantized*"]));

        Assert.Equal(["config.json", "onnx/model_quantized.onnx", "tokenizer_config.json"], snapshot.Files.Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(snapshot.Directory, "onnx", "model.onnx")));
    }

    [Fact]
    public async Task PullAsync_Progress_ReportsEveryByteOfDownloadedFiles()
    {
        var progress = new RecordingProgress();

        var snapshot = await PullAsync(_hub.Settings(_cache.Path), progress: progress);

        Assert.Equal(snapshot.Files.Sum(f => (long)_repo.Files[f].Content.Length), progress.Bytes);
        Assert.Equal(snapshot.Files.Order(StringComparer.Ordinal), progress.Completed.Order(StringComparer.Ordinal));
    }

    private Task<HubSnapshot> PullAsync(
        HubSettings settings, string? revision = null, HubFileSelection? selection = null, IHubPullProgress? progress = null) =>
        Puller(settings).PullAsync(HubRepoId.Parse(RepoId), revision, selection ?? HubFileSelection.ModelFolder(), progress);

    private static HubModelPuller Puller(HubSettings settings) => new(settings, new HubApiClient(settings));

    private sealed class RecordingProgress : IHubPullProgress
    {
        public long Bytes { get; private set; }

        public List<string> Completed { get; } = [];

        public void FileStarted(string repoPath, long size, long alreadyHave) => Bytes += alreadyHave;

        public void BytesReceived(string repoPath, long count) => Bytes += count;

        public void FileCompleted(string repoPath, bool downloaded) => Completed.Add(repoPath);
    }
}

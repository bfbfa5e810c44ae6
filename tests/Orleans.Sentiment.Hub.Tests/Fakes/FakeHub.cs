using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Orleans.Sentiment.Hub.Tests.Fakes;

/// <summary>
/// A Hugging Face hub on loopback: <c>/api/models/{repo}/revision/{rev}</c> and <c>/{repo}/resolve/{rev}/{path}</c>
/// with the hub's headers (X-Repo-Commit, ETag, X-Linked-Etag, X-Linked-Size, X-Error-Code), 302 redirects for
/// LFS files to a CDN on another port (so it is another host to the client), and Range support on the CDN.
/// </summary>
internal sealed class FakeHub : IAsyncDisposable
{
    private readonly WebApplication _hub;
    private readonly WebApplication _cdn;
    private readonly ConcurrentDictionary<string, FakeRepo> _repos = new(StringComparer.Ordinal);
    private int _dropsLeft;

    private FakeHub(WebApplication hub, WebApplication cdn)
    {
        _hub = hub;
        _cdn = cdn;
    }

    public Uri Endpoint { get; private set; } = null!;

    public Uri Cdn { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Old repository id → new one: the hub answers with a relative redirect, as for renamed repos.</summary>
    public Dictionary<string, string> Renamed { get; } = new(StringComparer.Ordinal);

    /// <summary>The CDN answers Range requests with the whole file (200), as some proxies do.</summary>
    public bool CdnIgnoresRange { get; set; }

    /// <summary>LFS redirects point at <c>/lfs/blobs/{sha}</c> on the hub itself, as a relative Location.</summary>
    public bool LfsRedirectIsRelative { get; set; }

    /// <summary>Bytes the CDN sends before dropping the connection, for the next <see cref="DropConnections"/> downloads.</summary>
    public int DropAfterBytes { get; set; }

    public static async Task<FakeHub> StartAsync()
    {
        var fake = new FakeHub(CreateApp(), CreateApp());
        fake._hub.Run(fake.HandleHubAsync);
        fake._cdn.Run(fake.HandleCdnAsync);
        await fake._hub.StartAsync();
        await fake._cdn.StartAsync();
        fake.Endpoint = new Uri(fake._hub.Urls.Single());
        fake.Cdn = new Uri(fake._cdn.Urls.Single());
        return fake;
    }

    public FakeRepo Add(FakeRepo repo)
    {
        _repos[repo.Id] = repo;
        return repo;
    }

    public void DropConnections(int count) => _dropsLeft = count;

    public HubSettings Settings(string cacheDirectory, string? token = null, bool offline = false) =>
        new() { Endpoint = Endpoint, CacheDirectory = cacheDirectory, Token = token, Offline = offline };

    public IReadOnlyList<RecordedRequest> RequestsTo(string server) => [.. Requests.Where(r => r.Server == server)];

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _cdn.DisposeAsync();
    }

    private static WebApplication CreateApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder.Build();
    }

    private async Task HandleHubAsync(HttpContext context)
    {
        var segments = Record("hub", context);
        if (segments is ["lfs", "blobs", var blobSha])
        {
            await ServeBlobAsync(context, blobSha);
            return;
        }

        // api/models/{org}/{name}/revision/{rev}  or  {org}/{name}/resolve/{rev}/{path...}
        var isApi = segments is ["api", "models", _, _, "revision", _];
        var isResolve = segments.Length >= 5 && segments[2] == "resolve";
        if (!isApi && !isResolve)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var repoId = isApi ? $"{segments[2]}/{segments[3]}" : $"{segments[0]}/{segments[1]}";
        if (Renamed.TryGetValue(repoId, out var newId))
        {
            var rest = string.Join('/', (isApi ? segments[4..] : segments[2..]).Select(Uri.EscapeDataString));
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = isApi ? $"/api/models/{newId}/{rest}" : $"/{newId}/{rest}";
            return;
        }

        if (!_repos.TryGetValue(repoId, out var repo))
        {
            Fail(context, 404, "RepoNotFound");
            return;
        }

        if (repo.RequiredToken is { } token && context.Request.Headers.Authorization != $"Bearer {token}")
        {
            // As the hub does: 401 without a token, 403 for a token without access.
            Fail(context, context.Request.Headers.Authorization.Count == 0 ? 401 : 403, "GatedRepo");
            return;
        }

        var revision = isApi ? segments[5] : segments[3];
        if (repo.ResolveRevision(revision) is not { } commit)
        {
            Fail(context, 404, "RevisionNotFound");
            return;
        }

        if (isApi)
        {
            await context.Response.WriteAsJsonAsync(new
            {
                id = repo.Id,
                sha = commit,
                siblings = repo.Files.Keys.Select(f => new { rfilename = f }),
            });
            return;
        }

        var path = string.Join('/', segments[4..]);
        if (!repo.Files.TryGetValue(path, out var file))
        {
            Fail(context, 404, "EntryNotFound");
            return;
        }

        context.Response.Headers["X-Repo-Commit"] = commit;
        if (file.Lfs)
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.ETag = $"\"{file.GitSha1}\"";
            context.Response.Headers["X-Linked-Etag"] = $"\"{file.AdvertisedSha256}\"";
            context.Response.Headers["X-Linked-Size"] = file.AdvertisedSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.Location = LfsRedirectIsRelative
                ? $"/lfs/blobs/{file.Sha256}"
                : new Uri(Cdn, $"blobs/{file.Sha256}?X-Amz-Signature=fake").AbsoluteUri;
            return;
        }

        context.Response.Headers.ETag = file.ServedEtag ?? $"\"{file.GitSha1}\"";
        context.Response.ContentLength = file.Content.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(file.Content);
        }
    }

    private async Task HandleCdnAsync(HttpContext context)
    {
        var segments = Record("cdn", context);
        await ServeBlobAsync(context, segments is ["blobs", var sha] ? sha : "");
    }

    private async Task ServeBlobAsync(HttpContext context, string sha)
    {
        var file = _repos.Values.SelectMany(r => r.Files.Values).FirstOrDefault(f => f.Lfs && f.Sha256 == sha);
        if (file is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var content = file.Content;
        var start = 0;
        if (!CdnIgnoresRange && context.Request.Headers.Range.ToString() is { Length: > 0 } range)
        {
            start = int.Parse(range["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
            if (start >= content.Length)
            {
                context.Response.StatusCode = 416;
                return;
            }

            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {start}-{content.Length - 1}/{content.Length}";
        }

        context.Response.ContentLength = content.Length - start;
        if (Interlocked.Decrement(ref _dropsLeft) >= 0)
        {
            await context.Response.Body.WriteAsync(content.AsMemory(start, Math.Min(DropAfterBytes, content.Length - start)));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }

        await context.Response.Body.WriteAsync(content.AsMemory(start));
    }

    private string[] Record(string server, HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var path = target.Split('?')[0];
        Requests.Enqueue(new RecordedRequest(
            server, context.Request.Method, path,
            context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers.Range.FirstOrDefault()));
        return [.. path.TrimStart('/').Split('/').Select(Uri.UnescapeDataString)];
    }

    private static void Fail(HttpContext context, int status, string errorCode)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["X-Error-Code"] = errorCode;
        context.Response.Headers["X-Error-Message"] = errorCode;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Orleans.Sentiment.Observability.Tests.Silo;

namespace Orleans.Sentiment.Observability.Tests.Dashboard;

/// <summary>The built-in dashboard's files as the silo serves them (the page itself is driven in a browser by
/// Orleans.Sentiment.BrowserTests).</summary>
[Collection(ObservedSiloCollection.Name)]
public sealed partial class DashboardRouteTests(ObservedSiloFixture fixture)
{
    private static readonly string AssetFolder = Path.Combine(Testing.TestPaths.RepositoryRoot, "silo", "Dashboard", "Assets");

    [Theory]
    [InlineData("/dashboard", "text/html")]
    [InlineData("/dashboard/", "text/html")]
    [InlineData("/dashboard/dashboard.js", "text/javascript")]
    [InlineData("/dashboard/chart.js", "text/javascript")]
    [InlineData("/dashboard/dashboard.css", "text/css")]
    public async Task Get_DashboardFile_ServedWithSelfOnlyContentSecurityPolicy(string path, string mediaType)
    {
        using var response = await fixture.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        var file = path == "/dashboard" || path == "/dashboard/" ? "index.html" : path["/dashboard/".Length..];
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(AssetFolder, file)), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_UnknownDashboardFile_NotFound()
    {
        using var response = await fixture.Http.GetAsync("/dashboard/missing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_SameETag_NotModified()
    {
        using var first = await fixture.Http.GetAsync("/dashboard/dashboard.js");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/dashboard/dashboard.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await fixture.Http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void Assets_Page_LoadsOnlyFilesOfTheSilo()
    {
        var html = File.ReadAllText(Path.Combine(AssetFolder, "index.html"));

        var references = Reference().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.True(r.StartsWith('/') || r.StartsWith('#') || r.StartsWith("data:", StringComparison.Ordinal), r));
        Assert.All(Directory.GetFiles(AssetFolder), file =>
            Assert.DoesNotMatch(@"https?://(?!www\.w3\.org/2000/svg)", File.ReadAllText(file)));
    }

    [Fact]
    public void Assets_Scripts_NeverWriteDataAsMarkup()
    {
        foreach (var script in Directory.GetFiles(AssetFolder, "*.js"))
        {
            var code = File.ReadAllText(script);
            Assert.DoesNotContain("innerHTML", code);
            Assert.DoesNotContain("outerHTML", code);
            Assert.DoesNotContain("insertAdjacentHTML", code);
            Assert.DoesNotContain("document.write", code);
            Assert.DoesNotContain("eval(", code);
            Assert.DoesNotContain("localStorage", code);
        }
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]*)\"")]
    private static partial Regex Reference();
}

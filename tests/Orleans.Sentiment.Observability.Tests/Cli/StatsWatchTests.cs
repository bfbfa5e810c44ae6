using System.Net;
using System.Net.Http.Json;
using Orleans.Sentiment.Observability.Tests.Silo;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Observability.Tests.Cli;

/// <summary><c>stats --watch</c> against the real silo, output redirected (plain lines).</summary>
[Collection(ObservedSiloCollection.Name)]
public sealed class StatsWatchTests(ObservedSiloFixture fixture)
{
    [Fact]
    public async Task StatsWatch_CommentsArriveWhileWatching_NewLinesShowThemAndCtrlCExitsZero()
    {
        await PostAsync([new { id = "w1", text = "Lovely app" }]);
        await Eventually.WaitForAsync(WindowCountAsync, count => count == 1, "the first comment in the window");
        await using var watch = WatchProcess.Start("stats", "--watch", "--interval", "200ms", "--tenant", "cli", "--source", "watched",
            "--url", fixture.Silo.BaseUrl.ToString());
        await Eventually.WaitForAsync(() => Task.FromResult(watch.Lines), lines => lines.Any(l => l.Contains("0/1 negative")), "the first refresh");

        await PostAsync([new { id = "w2", text = "The app keeps crashing" }, new { id = "w3", text = "Where is my refund" }]);
        var lines = await Eventually.WaitForAsync(() => Task.FromResult(watch.Lines), lines => lines.Any(l => l.Contains("2/3 negative")), "a refresh showing the new comments");
        var exitCode = await watch.InterruptAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal("", watch.Errors);
        var updated = lines.First(l => l.Contains("2/3 negative"));
        Assert.Matches(@"^\d\d:\d\d:\d\d  2/3 negative \(66\.7%\)  alerting: False  [▁▂▃▄▅▆▇█]+$", updated);
        Assert.EndsWith("▆", updated); // the newest point of the sparkline: 2/3 on a scale of eight blocks
        Assert.Contains(lines, l => l.EndsWith("▁", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatsWatch_BadInterval_FailsNamingTheOption()
    {
        var result = await CliProcess.RunAsync("stats", "--watch", "--interval", "soon", "--tenant", "cli", "--source", "watched", "--url", fixture.Silo.BaseUrl.ToString());

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--interval must be a duration", result.Error + result.Output);
    }

    private async Task PostAsync(object[] comments)
    {
        using var response = await fixture.Http.PostAsJsonAsync("/v1/tenants/cli/sources/watched/comments", comments);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<int> WindowCountAsync()
    {
        var window = await fixture.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/v1/tenants/cli/sources/watched/window");
        return (int?)window!["count"] ?? 0;
    }
}

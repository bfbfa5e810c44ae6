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
        Assert.Matches(@"^\d\d:\d\d:\d\d  2/3 negative \(66\.7%\)  alerting: false  [▁▂▃▄▅▆▇█]+$", updated);
        Assert.EndsWith("▆", updated); // the newest point of the sparkline: 2/3 on a scale of eight blocks
        Assert.Contains(lines, l => l.EndsWith("▁", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("calm", 20, "false")]
    [InlineData("alarmed", 1, "true")]
    public async Task StatsAndStatsWatch_SameWindow_PrintAlertingAlikeInLowercase(string source, int minCount, string expected)
    {
        using var policy = await fixture.Http.PutAsJsonAsync($"/v1/tenants/cli/sources/{source}/alert-policy", new { threshold = 0.10, minCount });
        Assert.Equal(HttpStatusCode.OK, policy.StatusCode);
        using var posted = await fixture.Http.PostAsJsonAsync($"/v1/tenants/cli/sources/{source}/comments", new[] { new { id = "a1", text = "Where is my refund" } });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        await Eventually.WaitForAsync(() => WindowAsync(source), w => (int?)w["count"] == 1 && (bool?)w["alerting"] == (expected == "true"), $"the comment in {source}'s window");

        var stats = await CliProcess.RunAsync("stats", "--tenant", "cli", "--source", source, "--url", fixture.Silo.BaseUrl.ToString());
        await using var watch = WatchProcess.Start("stats", "--watch", "--interval", "200ms", "--tenant", "cli", "--source", source, "--url", fixture.Silo.BaseUrl.ToString());
        var lines = await Eventually.WaitForAsync(() => Task.FromResult(watch.Lines), l => l.Any(line => line.Contains("1/1 negative")), "a refresh of the watch");

        Assert.Equal(0, stats.ExitCode);
        Assert.Contains($"1/1 negative (100.0 %); alerting: {expected}", stats.Output);
        Assert.Contains($"  alerting: {expected}  ", lines.First(line => line.Contains("1/1 negative")));
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

    private async Task<System.Text.Json.Nodes.JsonObject> WindowAsync(string source) =>
        (await fixture.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/v1/tenants/cli/sources/{source}/window"))!;

    private async Task<int> WindowCountAsync()
    {
        var window = await fixture.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/v1/tenants/cli/sources/watched/window");
        return (int?)window!["count"] ?? 0;
    }
}

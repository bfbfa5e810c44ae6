using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary><c>client replay</c> against a real silo: time order, original timestamps, one source per airline, nothing sent from a bad file.</summary>
[Collection(SiloCollection.Name)]
public sealed class ReplayCliEndToEndTests(SiloFixture fixture) : IDisposable
{
    private const string DuplicatesMetric = "orleans_sentiment_comments_duplicate_total";

    private readonly string _directory = Directory.CreateTempSubdirectory("replay-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Replay_RowsOutOfOrder_ArriveInTimeOrderWithTheirTimestampsAndARerunIsDuplicates()
    {
        var file = await WriteAsync("shuffled.csv",
            "created,text\n"
            + "2015-02-24 11:00:00 -0800,third\n"
            + "2015-02-24 09:00:00 -0800,first\n"
            + "2015-02-24T20:00:00Z,fourth\n"
            + "2015-02-24 10:00:00 -0800,second\n"
            + "2015-02-24 09:00:00 -0800,first again\n");

        var replay = await ReplayAsync(file, "--tenant", "replay", "--source", "ordered", "--batch-size", "2", "--as-fast-as-possible");

        Assert.Equal(0, replay.ExitCode);
        Assert.Contains("Replayed 5 rows (5 accepted) to 1 source of replay (ordered)", replay.Output);
        await Eventually.WaitForAsync(() => WindowAsync("replay", "ordered"), w => (int?)w["count"] == 5, "five comments");
        var comments = (await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/replay/sources/ordered/comments?limit=5"))!["comments"]!.AsArray().Reverse().ToList();
        Assert.Equal(["first", "first again", "second", "third", "fourth"], comments.Select(c => (string?)c!["text"]));
        Assert.Equal(
            ["2015-02-24T17:00:00Z", "2015-02-24T17:00:00Z", "2015-02-24T18:00:00Z", "2015-02-24T19:00:00Z", "2015-02-24T20:00:00Z"],
            comments.Select(c => DateTimeOffset.Parse((string)c!["timestamp"]!, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));

        var before = MetricsScrape.Sum(await fixture.Http.GetStringAsync("/metrics"), DuplicatesMetric);
        var again = await ReplayAsync(file, "--tenant", "replay", "--source", "ordered", "--as-fast-as-possible");
        await Eventually.WaitForAsync(() => fixture.Http.GetStringAsync("/metrics"), m => MetricsScrape.Sum(m, DuplicatesMetric) >= before + 5, "the re-run's five comments dropped as duplicates");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(5, (int?)(await WindowAsync("replay", "ordered"))["count"]);
    }

    [Fact]
    public async Task Replay_SourceColumn_EachAirlineFillsItsOwnSource()
    {
        var file = await WriteAsync("airlines.csv",
            "tweet_created,airline,text\n"
            + "2015-02-24 11:15:59 -0800,Virgin America,my refund is late\n"
            + "2015-02-24 11:14:00 -0800,Delta,lovely crew\n"
            + "2015-02-24 11:16:00 -0800,Virgin America,my refund is late\n"
            + "2015-02-24 11:13:00 -0800,Delta,on time\n"
            + "2015-02-24 11:12:00 -0800,Delta,seat broken\n");

        var replay = await ReplayAsync(file, "--tenant", "replay-airlines", "--time-column", "tweet_created", "--source-column", "airline", "--as-fast-as-possible");

        Assert.Equal(0, replay.ExitCode);
        var sources = await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/replay-airlines/sources");
        Assert.Equal(["delta", "virgin-america"], sources!["sources"]!.AsArray().Select(s => (string?)s));
        var virgin = await Eventually.WaitForAsync(() => WindowAsync("replay-airlines", "virgin-america"), w => (int?)w["count"] == 2, "both repeated tweets counted");
        var delta = await Eventually.WaitForAsync(() => WindowAsync("replay-airlines", "delta"), w => (int?)w["count"] == 3, "three Delta tweets");
        Assert.Equal(2, (int?)virgin["negativeCount"]);
        Assert.Equal(1, (int?)delta["negativeCount"]);
    }

    [Fact]
    public async Task Replay_BadTimestamp_FailsNamingLineAndColumnAndSendsNothing()
    {
        var file = await WriteAsync("bad.csv", "created,text\n2015-02-24T10:00:00Z,fine\n2015-02-24T11:00:00Z,also fine\nsoon,never sent\n");

        var replay = await ReplayAsync(file, "--tenant", "replay-bad", "--source", "bad", "--as-fast-as-possible");

        Assert.Equal(2, replay.ExitCode);
        Assert.Contains("bad.csv:4: column 'created': 'soon' is not a time", replay.Error);
        Assert.Contains("nothing was sent", replay.Error);
        var sources = await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/replay-bad/sources");
        Assert.Empty(sources!["sources"]!.AsArray());
    }

    private Task<CliProcess.Result> ReplayAsync(string file, params string[] args)
    {
        var withTime = args.Contains("--time-column") ? args : [.. args, "--time-column", "created"];
        return CliProcess.RunAsync(["replay", file, .. withTime, "--url", fixture.Silo.BaseUrl.ToString()]);
    }

    private async Task<JsonObject> WindowAsync(string tenant, string source) =>
        (await fixture.Http.GetFromJsonAsync<JsonObject>($"/v1/tenants/{tenant}/sources/{source}/window"))!;

    private async Task<string> WriteAsync(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }
}

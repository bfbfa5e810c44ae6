using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary><c>client policy-test</c> against a real silo: one source per airline, each told when the policy would have alerted.</summary>
[Collection(SiloCollection.Name)]
public sealed class PolicyTestCliEndToEndTests(SiloFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("policy-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task PolicyTest_SourceColumn_AlertsPerAirlineAsTableSummaryAndJsonLines()
    {
        // "Burst Air" has the burst; "Calm Air" the same calm hours throughout.
        var rows = PolicyTestEndToEndTests.History()
            .Select(c => Row(c.Minute, "Burst Air", c.Text))
            .Concat(PolicyTestEndToEndTests.History().Where(c => !PolicyTestEndToEndTests.InBurst(c.Minute)).Select(c => Row(c.Minute, "Calm Air", c.Text)));
        var file = Path.Combine(_directory, "tweets.csv");
        await File.WriteAllTextAsync(file, "tweet_created,airline,text\n" + string.Join('\n', rows) + "\n");
        var policy = Path.Combine(_directory, "baseline.json");
        await File.WriteAllTextAsync(policy, """{ "detector": "baseline", "windowSize": 20, "minCount": 10, "minBaseline": 30, "cooldown": "PT1M" }""");
        var output = Path.Combine(_directory, "alerts.jsonl");

        var run = await CliProcess.RunAsync([
            "policy-test", file, "--time-column", "tweet_created", "--source-column", "airline", "--tenant", "dry-cli",
            "--policy", policy, "--output", output, "--url", fixture.Silo.BaseUrl.ToString()]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("burst-air: 130 comments (130 classified) from 2015-02-24 08:00:00 +00:00 to 2015-02-24 10:09:00 +00:00; 2 alerts (1 spike), 153.8 per 10,000 comments.", run.Output);
        Assert.Contains("calm-air: 100 comments (100 classified) from 2015-02-24 08:00:00 +00:00 to 2015-02-24 10:09:00 +00:00; 0 alerts (0 spikes), 0.0 per 10,000 comments.", run.Output);
        Assert.Contains("All 2 sources: 230 comments classified, 2 alerts", run.Output);
        var alerts = (await File.ReadAllLinesAsync(output)).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(["spike", "recovery"], alerts.Select(a => (string?)a["kind"]));
        Assert.All(alerts, a => Assert.Equal("burst-air", (string?)a["source"]));
        var spikeLine = int.Parse(((string)alerts[0]["commentId"]!).Split(':')[1], CultureInfo.InvariantCulture);
        Assert.True(PolicyTestEndToEndTests.InBurst(spikeLine - 2), $"the spike's row (line {spikeLine}) is in the burst");
        Assert.Empty((await fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/dry-cli/sources"))!["sources"]!.AsArray());
    }

    private static string Row(int minute, string airline, string text) =>
        $"{PolicyTestEndToEndTests.Start.AddMinutes(minute).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)},{airline},\"{text}\"";
}

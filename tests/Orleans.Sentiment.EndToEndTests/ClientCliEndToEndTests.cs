using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

[Collection(SiloCollection.Name)]
public sealed class ClientCliEndToEndTests(SiloFixture fixture) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Ingest_JsonlWithBadRows_ReportsLineNumbersAndSendsTheRest()
    {
        var file = Path.Combine(_directory, "comments.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id":"j1","text":"My refund is late"}""",
            """{"id":"j2","text":"Smooth checkout"}""",
            """{"id":"j3","text": not json}""",
            """{"id":"j4","text":""}""",
            """{"id":"j5","text":"Crashing on start"}""",
        ]);

        var result = await CliProcess.RunAsync("ingest", file, "--tenant", "cli", "--source", "jsonl", "--url", fixture.Silo.BaseUrl.ToString());

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("comments.jsonl:3:", result.Error);
        Assert.Contains("comments.jsonl:4:", result.Error);
        Assert.Contains("Accepted 3 comments", result.Output);
        var window = await Eventually.WaitForAsync(() => fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/cli/sources/jsonl/window")!, w => (int?)w!["count"] == 3, "three comments");
        Assert.Equal(2, (int?)window!["negativeCount"]);
    }

    [Fact]
    public async Task Ingest_CsvTextColumn_SendsEveryRowAndStatsShowsTheWindow()
    {
        var file = Path.Combine(_directory, "comments.csv");
        await File.WriteAllTextAsync(file, "comment,stars\n\"Broken, again\",1\nGreat app,5\n\"Multi-line\nreview, fine\",4\n");

        var ingest = await CliProcess.RunAsync("ingest", file, "--tenant", "cli", "--source", "csv", "--text-column", "comment", "--url", fixture.Silo.BaseUrl.ToString());
        await Eventually.WaitForAsync(() => fixture.Http.GetFromJsonAsync<JsonObject>("/v1/tenants/cli/sources/csv/window")!, w => (int?)w!["count"] == 3, "three comments");
        var stats = await CliProcess.RunAsync("stats", "--tenant", "cli", "--source", "csv", "--json", "--url", fixture.Silo.BaseUrl.ToString());

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal(0, stats.ExitCode);
        var window = JsonNode.Parse(stats.Output)!;
        Assert.Equal(3, (int?)window["count"]);
        Assert.Equal(1, (int?)window["negativeCount"]);
    }

    [Fact]
    public async Task Ingest_SiloUnreachable_FailsWithAClearMessage()
    {
        var file = Path.Combine(_directory, "one.txt");
        await File.WriteAllTextAsync(file, "hello\n");

        var result = await CliProcess.RunAsync("ingest", file, "--tenant", "cli", "--source", "down", "--url", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Ingestion stopped after 0 comments", result.Error);
    }
}

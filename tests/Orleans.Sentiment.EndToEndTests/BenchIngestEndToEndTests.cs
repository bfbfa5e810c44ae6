using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

[Collection(SiloCollection.Name)]
public sealed class BenchIngestEndToEndTests(SiloFixture fixture)
{
    [Fact]
    public async Task BenchIngest_ShortRun_AccountsForEveryAcceptedComment()
    {
        var result = await CliProcess.RunAsync("bench-ingest", "--url", fixture.Silo.BaseUrl.ToString(), "--tenant", "bench-e2e",
            "--clients", "4", "--duration", "3", "--sources", "3", "--batch-size", "20", "--json");

        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Output)!;
        var accepted = (long)report["accepted"]!;
        Assert.True(accepted > 0, result.Output);
        Assert.Equal(accepted, (long)report["classified"]! + (long)report["deadLettered"]!);
        Assert.Equal(0, (long)report["lost"]!);
        Assert.True((bool)report["settled"]!);
        Assert.True((long)report["siloPeakRssBytes"]! > 0);
        Assert.True((double)report["latencyP99Ms"]! >= (double)report["latencyP50Ms"]!);
    }
}

using System.Text;
using System.Text.RegularExpressions;
using Orleans.Sentiment.FaultTests.Cluster;
using Orleans.Sentiment.FaultTests.Services;
using Orleans.Sentiment.Testing;
using Xunit.Abstractions;

namespace Orleans.Sentiment.FaultTests;

/// <summary>
/// Redis or NATS go away under a running cluster and come back; the silos recover without a restart. The cluster
/// runs split roles (silo 1 ingest, silo 2 classifier), so these tests also show where classifier grains go.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ServiceFaultTests(ServicesFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(4);

    [FaultFact(injectsServiceFaults: true)]
    public async Task RedisUnavailable_Ingest_Answers503ThenRecoversWithoutRestart()
    {
        await using var cluster = await StartSplitRoleClusterAsync();
        var sources = IngestionDriver.Sources(2);
        await cluster.SetWindowSizeAsync(sources, 10_000);
        var driver = new IngestionDriver(cluster.EntryPoints, sources);
        await driver.RunAsync(500, TimeSpan.FromMinutes(2));
        await SettleAsync(cluster, driver);

        await fixture.Services.MakeRedisUnavailableAsync();
        string refusal, readiness;
        try
        {
            refusal = await Eventually.WaitForAsync(() => PostOnceAsync(cluster.EntryPoints[0], sources[0]), r => r.StartsWith("503", StringComparison.Ordinal), "ingestion to answer 503 while Redis is frozen", TimeSpan.FromSeconds(60));
            readiness = await ReadinessAsync(cluster.Silos[0]);
        }
        finally
        {
            await fixture.Services.RestoreRedisAsync();
        }

        await driver.RunAsync(batch => batch < 10, 1_000, TimeSpan.FromMinutes(3), TimeSpan.Zero);
        var settled = await SettleAsync(cluster, driver);
        await Eventually.WaitForAsync(() => ReadinessAsync(cluster.Silos[0]), r => r.StartsWith("200", StringComparison.Ordinal), "silo 1 ready again");

        // Nothing of the refused batch was accepted (the problem body reports "published": 0), so the client re-sends it whole.
        Assert.Contains("\"published\":0", refusal);
        // Redis away is a real failure: readiness says so, and the silo logs it once as an error, then the recovery.
        Assert.StartsWith("503", readiness);
        Assert.Matches(@"fail: Orleans\.Sentiment\.Hosting\.Health\.ReadinessLog\[\d+\]\s+Readiness check 'redis' fails", cluster.Silos[0].Output);
        // The silo writes the recovery line as the check passes; its output reaches the test a moment later.
        await Eventually.WaitForAsync(
            () => Task.FromResult(cluster.Silos[0].Output),
            o => Regex.IsMatch(o, @"info: Orleans\.Sentiment\.Hosting\.Health\.ReadinessLog\[\d+\]\s+Readiness check 'redis' passes"),
            "silo 1 to log that the redis check passes again");
        Assert.All(cluster.Silos, s => Assert.True(s.IsRunning, $"{s.Name} had to be restarted"));
        AssertCountedOnce(driver, settled);
    }

    [FaultFact(injectsServiceFaults: true)]
    public async Task NatsRestart_WhileIdle_IngestionResumes()
    {
        await using var cluster = await StartSplitRoleClusterAsync();
        var sources = IngestionDriver.Sources(2);
        await cluster.SetWindowSizeAsync(sources, 10_000);
        var before = new IngestionDriver(cluster.EntryPoints, sources);
        await before.RunAsync(500, TimeSpan.FromMinutes(2));
        await SettleAsync(cluster, before);

        await fixture.Services.RestartNatsAsync();
        var after = new IngestionDriver(cluster.EntryPoints, sources.Select(s => s + "-after").ToArray());
        await cluster.SetWindowSizeAsync(sources.Select(s => s + "-after"), 10_000);
        await after.RunAsync(500, TimeSpan.FromMinutes(3));
        var settled = await SettleAsync(cluster, after);

        AssertCountedOnce(after, settled);
        Assert.Equal(500, after.Accepted);
        Assert.All(cluster.Silos, s => Assert.True(s.IsRunning, $"{s.Name} had to be restarted"));
    }

    [FaultFact]
    public async Task SplitRoles_Classification_RunsOnlyOnTheClassifierSilo()
    {
        await using var cluster = await StartSplitRoleClusterAsync();
        var sources = IngestionDriver.Sources(6);
        await cluster.SetWindowSizeAsync(sources, 10_000);
        var driver = new IngestionDriver([cluster.Silos[0].BaseUrl], sources);

        await driver.RunAsync(600, TimeSpan.FromMinutes(2));
        var settled = await SettleAsync(cluster, driver);

        AssertCountedOnce(driver, settled);
        Assert.Equal(0, await ClassifiedCountAsync(cluster.Silos[0]));
        Assert.True(await ClassifiedCountAsync(cluster.Silos[1]) > 0, "the classifier silo classified nothing");
    }

    private Task<FaultCluster> StartSplitRoleClusterAsync() =>
        FaultCluster.StartAsync(fixture.Services, silos: 2, roles: ["ingest", "classifier"]);

    /// <summary>Texts this silo's models classified, from its own /metrics (batch-size histogram sum).</summary>
    private static async Task<double> ClassifiedCountAsync(SiloNode silo)
    {
        using var http = new HttpClient { BaseAddress = silo.BaseUrl };
        var metrics = await http.GetStringAsync("/metrics");
        return metrics.Split('\n')
            .Where(l => l.StartsWith("orleans_sentiment_classification_batch_size_sum", StringComparison.Ordinal))
            .Sum(l => double.Parse(l.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> ReadinessAsync(SiloNode silo)
    {
        using var http = new HttpClient { BaseAddress = silo.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync("/health/ready");
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>One batch, no retry: "202" or the status and body of the refusal.</summary>
    private static async Task<string> PostOnceAsync(Uri entry, string source)
    {
        using var http = new HttpClient { BaseAddress = entry, Timeout = TimeSpan.FromSeconds(30) };
        var body = $$"""[{"id":"probe-{{Guid.NewGuid():N}}","text":"probe"}]""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync($"/v1/tenants/{IngestionDriver.Tenant}/sources/{source}-probe/comments", content);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private async Task<WindowCounts.Snapshot> SettleAsync(FaultCluster cluster, IngestionDriver driver)
    {
        try
        {
            var settled = await WindowCounts.WaitForSettledAsync(cluster, driver.AcceptedPerSource, SettleTimeout);
            output.WriteLine($"backend: {cluster.Services.Backend}; {settled}");
            return settled;
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }

    private static void AssertCountedOnce(IngestionDriver driver, WindowCounts.Snapshot settled)
    {
        foreach (var (source, accepted) in driver.AcceptedPerSource)
        {
            Assert.Equal(accepted, settled.Windows[source].Count);
            Assert.Equal(driver.NegativePerSource[source], settled.Windows[source].NegativeCount);
        }
    }
}

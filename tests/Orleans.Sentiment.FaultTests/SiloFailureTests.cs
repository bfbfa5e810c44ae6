using Orleans.Sentiment.FaultTests.Cluster;
using Orleans.Sentiment.FaultTests.Services;
using Orleans.Sentiment.Testing;
using Xunit.Abstractions;

namespace Orleans.Sentiment.FaultTests;

/// <summary>Silos die or restart while comments pour in; every accepted comment is counted exactly once.</summary>
[Collection(FaultCollection.Name)]
public sealed class SiloFailureTests(ServicesFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(5);

    [FaultFact]
    public async Task KillSilo_MidIngestion_EveryAcceptedCommentCountedOnce()
    {
        const int total = 10_000;
        await using var cluster = await FaultCluster.StartAsync(fixture.Services, silos: 3);
        var sources = IngestionDriver.Sources(5);
        await cluster.SetWindowSizeAsync(sources, total);
        var driver = new IngestionDriver(cluster.EntryPoints, sources, batchSize: 50, workers: 3);

        var ingestion = driver.RunAsync(batch => batch * 50 < total, total, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(20));
        await Eventually.WaitForAsync(() => Task.FromResult(driver.Accepted), a => a >= total / 4, "a quarter of the comments accepted");
        var victim = cluster.Silos[1];
        await victim.KillAsync();
        await Eventually.WaitForAsync(() => Task.FromResult(driver.Accepted), a => a >= total / 2 || ingestion.IsCompleted, "ingestion to go on without the killed silo");
        await victim.StartAsync();
        await ingestion;

        var settled = await SettleAsync(cluster, driver);
        Assert.Equal(total, driver.Accepted);
        AssertCountedOnce(driver, settled);
    }

    [FaultFact]
    public async Task RollingRestart_UnderLoadThroughFrontend_EveryAcceptedCommentCountedOnce()
    {
        await using var cluster = await FaultCluster.StartAsync(fixture.Services, silos: 2, frontend: true);
        var sources = IngestionDriver.Sources(4);
        await cluster.SetWindowSizeAsync(sources, 50_000);
        var driver = new IngestionDriver(cluster.EntryPoints, sources, batchSize: 50, workers: 2);
        var restarting = true;

        var ingestion = driver.RunAsync(_ => Volatile.Read(ref restarting), int.MaxValue, TimeSpan.FromMinutes(8), TimeSpan.FromMilliseconds(100));
        foreach (var silo in cluster.Silos)
        {
            var before = driver.Accepted;
            await Eventually.WaitForAsync(() => Task.FromResult(driver.Accepted), a => a > before, $"comments accepted before {silo.Name} restarts");
            await silo.StopAsync();
            await silo.StartAsync();
        }

        var afterRestarts = driver.Accepted;
        await Eventually.WaitForAsync(() => Task.FromResult(driver.Accepted), a => a > afterRestarts, "comments accepted after the last restart");
        Volatile.Write(ref restarting, false);
        await ingestion;

        var settled = await SettleAsync(cluster, driver);
        AssertCountedOnce(driver, settled);
    }

    private async Task<WindowCounts.Snapshot> SettleAsync(FaultCluster cluster, IngestionDriver driver)
    {
        output.WriteLine($"backend: {cluster.Services.Backend}; accepted {driver.Accepted} comments, {driver.Retries} request(s) sent again");
        try
        {
            var settled = await WindowCounts.WaitForSettledAsync(cluster, driver.AcceptedPerSource, SettleTimeout);
            output.WriteLine(settled.ToString());
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
        Assert.Equal(0, settled.StreamMessages);
        foreach (var (source, accepted) in driver.AcceptedPerSource)
        {
            Assert.Equal(accepted, settled.Windows[source].Count);
            Assert.Equal(driver.NegativePerSource[source], settled.Windows[source].NegativeCount);
        }
    }
}

using System.Net.Http.Json;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Orleans.Sentiment.FaultTests.Cluster;
using Orleans.Sentiment.FaultTests.Services;
using Orleans.Sentiment.Testing;
using Xunit.Abstractions;

namespace Orleans.Sentiment.FaultTests;

/// <summary>
/// A batch JetStream does not store is answered 503 with nothing accepted, whichever way the publish fails: NATS is
/// away (no PubAck comes), or JetStream answers with a refusal in the PubAck. The client then sends it again with the
/// same ids, and it is counted once.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class PublishFailureTests(ServicesFixture fixture, ITestOutputHelper output)
{
    private const string Source = "app.store"; // a dotted id: published on an escaped subject
    private static readonly object[] Batch =
    [
        new { id = "p1", text = "the checkout is broken again" },
        new { id = "p2", text = "works fine for me" },
        new { id = "p3", text = "works fine for me" },
    ];

    [FaultFact]
    public async Task Ingest_JetStreamRefusesThePublishInItsAck_Answers503AndTheResentBatchCountsOnce()
    {
        await using var cluster = await FaultCluster.StartAsync(fixture.Services, silos: 1);
        await using var nats = new NatsConnection(NatsOpts.Default with { Url = fixture.Services.NatsUrl });
        var jetStream = new NatsJSContext(nats);
        var stream = await jetStream.GetStreamAsync(cluster.Name);
        var config = stream.Info.Config;

        // Every stream message of the batch is larger than this: JetStream answers each publish with an error PubAck.
        await jetStream.UpdateStreamAsync(config with { MaxMsgSize = 64 });
        string refusal;
        try
        {
            refusal = await PostAsync(cluster.EntryPoints[0]);
        }
        finally
        {
            await jetStream.UpdateStreamAsync(config);
        }

        output.WriteLine(refusal);
        var accepted = await PostAsync(cluster.EntryPoints[0]);
        var settled = await SettleAsync(cluster);

        Assert.StartsWith("503 ", refusal);
        Assert.Contains("\"published\":0", refusal);
        Assert.Contains("JetStream did not acknowledge the batch", refusal);
        Assert.StartsWith("202 ", accepted);
        Assert.Equal(new WindowCounts.Window(3, 1), settled.Windows[Source]);
    }

    [FaultFact(injectsServiceFaults: true)]
    public async Task Ingest_NatsStopped_Answers503ThenAcceptsTheResentBatchWithoutRestart()
    {
        await using var cluster = await FaultCluster.StartAsync(fixture.Services, silos: 1);

        await fixture.Services.StopNatsAsync();
        string refusal;
        try
        {
            refusal = await PostAsync(cluster.EntryPoints[0]);
        }
        finally
        {
            await fixture.Services.StartNatsAsync();
        }

        output.WriteLine(refusal);

        // NATS is back; the client retries as a client does (the publisher reconnects on its own).
        var accepted = await Eventually.WaitForAsync(() => PostAsync(cluster.EntryPoints[0]), a => !a.StartsWith("503 ", StringComparison.Ordinal), "the batch accepted once NATS is back", TimeSpan.FromMinutes(2));
        var settled = await SettleAsync(cluster);

        Assert.StartsWith("503 ", refusal);
        Assert.Contains("\"published\":0", refusal);
        Assert.StartsWith("202 ", accepted);
        Assert.Equal(new WindowCounts.Window(3, 1), settled.Windows[Source]);
        Assert.All(cluster.Silos, s => Assert.True(s.IsRunning, $"{s.Name} had to be restarted"));
    }

    /// <summary>The batch, once, no retry: the status and body of the answer.</summary>
    private static async Task<string> PostAsync(Uri entry)
    {
        using var http = new HttpClient { BaseAddress = entry, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await http.PostAsJsonAsync($"/v1/tenants/{IngestionDriver.Tenant}/sources/{Source}/comments", Batch);
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private async Task<WindowCounts.Snapshot> SettleAsync(FaultCluster cluster)
    {
        try
        {
            return await WindowCounts.WaitForSettledAsync(cluster, new Dictionary<string, int> { [Source] = Batch.Length }, TimeSpan.FromMinutes(2));
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }
}

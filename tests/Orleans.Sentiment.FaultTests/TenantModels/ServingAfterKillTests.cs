using System.Text.Json.Nodes;
using Orleans.Sentiment.FaultTests.Cluster;
using Orleans.Sentiment.FaultTests.Services;
using Orleans.Sentiment.Testing;
using Xunit.Abstractions;

namespace Orleans.Sentiment.FaultTests.TenantModels;

/// <summary>
/// The only silo is killed with -9 after a tenant model's version went active; the silo started again, a new process
/// with nothing in its adapter cache, serves that version to the source that chose it, from what the cluster stored.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ServingAfterKillTests(ServicesFixture fixture, ITestOutputHelper output)
{
    private const string Tenant = "served";
    private const string Model = "topics";
    private const string Qualified = $"{Tenant}:{Model}";
    private const string Source = "app";
    private static readonly string[] Labels = ["billing", "login"];
    private static readonly string[] Probes = ["Question 40 about my billing: case 3", "Question 41 about my login: case 5", "My billing is wrong", "I cannot login"];

    [FaultFact]
    public async Task KillOnlySilo_RestartedProcess_ServesTheActiveVersion()
    {
        await using var cluster = await FaultCluster.StartAsync(fixture.Services, silos: 1);
        try
        {
            await RunAsync(cluster);
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }

    private static async Task RunAsync(FaultCluster cluster)
    {
        Dictionary<string, string> before;
        using (var api = new TenantModelClient(cluster.Silos[0].BaseUrl, Tenant))
        {
            await api.DefineAsync(Model, Labels);
            await api.AddExamplesAsync(Model, TenantModelClient.Examples(Labels, perLabel: 12));
            var jobId = await api.TrainAsync(Model, """{"method":"head","autoActivate":true}""");
            var job = await Eventually.WaitForAsync(() => api.TryJobAsync(jobId), j => (string?)j?["state"] is "succeeded" or "failed" or "cancelled", "the head version to train", TimeSpan.FromMinutes(2));
            Assert.True((string?)job!["state"] == "succeeded", job.ToJsonString());
            Assert.Equal("active", (string?)(await api.TryVersionAsync(Model, jobId))?["status"]);

            await api.PutPolicyAsync(Source, new { models = new[] { "sentiment", Qualified } });
            before = await ClassifyAsync(api, "before");
        }

        // A new process on the same endpoint, as a restarted pod: Orleans retires the dead incarnation at once (a silo on
        // a new endpoint would wait about 90 s for the dead one's membership row to go stale before it may join).
        await cluster.Silos[0].KillAsync();
        await cluster.Silos[0].StartAsync();
        using var restarted = new TenantModelClient(cluster.Silos[0].BaseUrl, Tenant);
        var after = await ClassifyAsync(restarted, "after");

        Assert.All(after.Values, label => Assert.Contains(label, Labels));
        Assert.Equal(before, after);
    }

    /// <summary>Posts the probes with ids under <paramref name="prefix"/> and returns the tenant model's label of each, in probe order.</summary>
    private static async Task<Dictionary<string, string>> ClassifyAsync(TenantModelClient api, string prefix)
    {
        var comments = Probes.Select((text, i) => (Id: $"{prefix}-{i}", Text: text)).ToArray();
        await Eventually.WaitForAsync(() => api.TryPostCommentsAsync(Source, comments), accepted => accepted, $"the {prefix} comments to be accepted");
        var recent = await Eventually.WaitForAsync(
            () => api.TryCommentsAsync(Source),
            c => c is not null && comments.All(p => c.ContainsKey(p.Id)),
            $"the {prefix} comments to be classified",
            TimeSpan.FromMinutes(2));
        return comments.ToDictionary(c => c.Text, c => (string?)Prediction(recent![c.Id])?["label"] ?? $"no {Qualified} prediction in {recent[c.Id].ToJsonString()}");
    }

    private static JsonObject? Prediction(JsonObject predictions) => predictions[Qualified] as JsonObject;
}

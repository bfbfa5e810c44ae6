using System.Text.Json.Nodes;
using Orleans.Sentiment.FaultTests.Cluster;
using Orleans.Sentiment.FaultTests.Services;
using Orleans.Sentiment.Testing;
using Xunit.Abstractions;

namespace Orleans.Sentiment.FaultTests.TenantModels;

/// <summary>
/// A trainer silo killed with -9 in the middle of a job: the job's lease runs out and the other silo takes the job over;
/// a cancel then stops it and fails its version, so nothing is left training.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class TrainingJobFaultTests(ServicesFixture fixture, ITestOutputHelper output)
{
    private const string Tenant = "resumed";
    private const string Model = "tickets";

    /// <summary>
    /// A short lease so the dead silo's attempt expires in seconds; two attempts, so the second one is the resume.
    /// </summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Training:LeaseDuration"] = "00:00:10",
        ["Training:MaxAttempts"] = "2",
    };

    /// <summary>
    /// LoRA with far more epochs than it can run before the kill. The learning rate is so small that the validation
    /// score never changes, and a tie counts as an improvement, so early stopping cannot end the job first.
    /// </summary>
    private const string LongLoraJob = """{"method":"lora","epochs":200,"learningRate":0.000001,"autoActivate":true}""";

    [FaultFact]
    public async Task KillSilo_DuringTrainingJob_JobResumesOnTheOtherSilo()
    {
        await using var cluster = await FaultCluster.StartAsync(fixture.Services, silos: 2, extraSettings: Settings);
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
        string[] labels = ["billing", "delivery", "login"];
        string jobId;
        JsonObject running;
        using (var first = new TenantModelClient(cluster.Silos[0].BaseUrl, Tenant))
        {
            await first.DefineAsync(Model, labels);
            await first.AddExamplesAsync(Model, TenantModelClient.Examples(labels, perLabel: 12));
            jobId = await first.TrainAsync(Model, LongLoraJob);
            running = (await Eventually.WaitForAsync(() => first.TryJobAsync(jobId), j => IsFinished(j) || Training(j, attempt: 1), "the job to train", TimeSpan.FromMinutes(2)))!;
        }

        Assert.Equal("training", (string?)running["state"]);
        var deadSilo = (string)running["silo"]!;
        var victim = cluster.Silos.Single(s => s.Owns(deadSilo));
        var survivor = cluster.Silos.Single(s => s != victim);
        await victim.KillAsync();

        using var api = new TenantModelClient(survivor.BaseUrl, Tenant);
        var resumed = (await Eventually.WaitForAsync(() => api.TryJobAsync(jobId), j => IsFinished(j) || Training(j, attempt: 2), "the job to train again on the surviving silo", TimeSpan.FromMinutes(2)))!;
        Assert.Equal("training", (string?)resumed["state"]);
        Assert.True(survivor.Owns((string?)resumed["silo"]), resumed.ToJsonString());
        Assert.Contains(deadSilo, (string?)resumed["reason"], StringComparison.Ordinal);
        Assert.Equal("training", (string?)(await api.TryVersionAsync(Model, jobId))?["status"]);

        var cancelled = await api.CancelAsync(jobId);
        Assert.Equal("cancelled", (string?)cancelled["state"]);
        var version = await api.TryVersionAsync(Model, jobId);
        Assert.Equal("failed", (string?)version?["status"]);
        Assert.Equal("cancelled", (string?)version?["failureReason"]);
    }

    /// <summary>The given attempt is training and has reported at least one optimizer step.</summary>
    private static bool Training(JsonObject? job, int attempt) =>
        job is not null && (string?)job["state"] == "training" && (int?)job["attempt"] == attempt && (int?)job["progress"]?["step"] > 0;

    private static bool IsFinished(JsonObject? job) => (string?)job?["state"] is "succeeded" or "failed" or "cancelled";
}

using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Grains.Windows;
using Orleans.Sentiment.Testing;
using Orleans.Storage;
using Orleans.TestingHost;
using static Orleans.Sentiment.ClusterTests.ClusterPipeline;

namespace Orleans.Sentiment.ClusterTests;

/// <summary>A source that goes idle and is activated again carries on from its stored state.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SourceReactivationTests(ClusterFixture fixture)
{
    private readonly ClusterPipeline _pipeline = new(fixture);

    private IGrainStorage Storage => ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(Constants.StorageName);

    [Fact]
    public async Task Stream_SourceDeactivatedAndReactivated_KeepsItsWindowAndStillRecognisesRedeliveredComments()
    {
        var key = NewSource("tenant-reactivated");
        var batch = Enumerable.Range(0, 6).Select(i => Comment(key, $"a{i}", i < 2 ? "it is broken" : "works fine")).ToList();
        await _pipeline.PublishAsync(key, batch);
        await _pipeline.WaitForCountAsync(key, 6);

        await _pipeline.Source(key).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        var reloaded = await _pipeline.Source(key).GetWindowAsync();
        await _pipeline.PublishAsync(key, [.. batch.Take(3), Comment(key, "marker", "works fine")]);
        var window = await _pipeline.WaitForCountAsync(key, 7);

        // The embedded profile's memory storage once wrote state as JSON, which drops private fields: the window and
        // the ids seen came back empty, and the redelivered comments counted twice.
        Assert.Equal((6, 2), (reloaded.Count, reloaded.NegativeCount));
        Assert.Equal((7, 2), (window.Count, window.NegativeCount));
    }

    [Fact]
    public async Task Activate_SourceStoredWithItsOwnAlertState_HandsPolicyStateAndLastMessageToTheAlertGrain()
    {
        await using var slack = new WebhookReceiver();
        var key = NewSource("tenant-former");
        var now = ClusterFixture.Clock.GetUtcNow();
        var policy = new AlertPolicy(50, 0.20, 5, TimeSpan.FromMinutes(15), slack.Url);
        var decisions = new AlertStateMachine();
        decisions.Evaluate(10, 5, policy, now);
        // Field for field what sources stored before their alert grain decided: policy, alert state and last message.
        var stored = new FeedbackSourceState
        {
            Window = new RollingWindow(policy.WindowSize),
            FormerPolicy = policy,
            FormerAlerts = decisions,
            FormerLastNotification = new AlertNotification(key.Tenant, key.Source, AlertKind.Spike, 5, 10, 50, 0.20, slack.Url, now, decisions.Sequence),
        };
        var id = GrainId.Create("feedbacksource", key.ToString());
        await Storage.WriteStateAsync("source", id, new GrainState<FeedbackSourceState>(stored));

        var window = await _pipeline.Source(key).GetWindowAsync();
        await _pipeline.WaitForHistoryAsync(key, h => h.Count == 1 && h[0].Delivery == AlertDelivery.Sent, "the handed-over message to be sent");
        var rewritten = new GrainState<FeedbackSourceState>();
        await Storage.ReadStateAsync("source", id, rewritten);

        Assert.True(window.Alerting); // the recovery waits for the cooldown, as it did before the hand-over
        Assert.Equal(policy, await _pipeline.Source(key).GetPolicyAsync());
        Assert.Equal(1, slack.Requests);
        Assert.True(rewritten.RecordExists);
        Assert.Null(rewritten.State!.FormerPolicy);
        Assert.Null(rewritten.State.FormerAlerts);
    }

    [Fact]
    public async Task Stream_PolicySetOnTheAlertGrainAlone_TheSourceWindowFollowsAtTheNextBatch()
    {
        var key = NewSource();
        await _pipeline.Source(key).GetWindowAsync();
        await _pipeline.Alerts(key).SetPolicyAsync(AlertPolicy.Default with { WindowSize = 7, MinCount = 5 }, new WindowCounts(0, 0, ClusterFixture.Clock.GetUtcNow()));

        await _pipeline.PublishAsync(key, Enumerable.Range(0, 10).Select(i => Comment(key, $"w{i}", "fine")).ToList());
        await Eventually.WaitForAsync(() => _pipeline.Source(key).GetWindowAsync(), w => w.WindowSize == 7 && w.Count == 7, "the window to take the policy's size");

        Assert.Equal(7, (await _pipeline.Source(key).GetPolicyAsync()).WindowSize);
    }
}

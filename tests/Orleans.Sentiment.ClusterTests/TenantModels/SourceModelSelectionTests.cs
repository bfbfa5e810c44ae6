using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.ClusterTests.TenantModels;

/// <summary>A source's policy chooses the models that run on its comments and the label share it watches (fixture model: "sentiment", "broken" is negative).</summary>
[Collection(ClusterCollection.Name)]
public sealed class SourceModelSelectionTests(ClusterFixture fixture)
{
    private readonly ClusterPipeline _pipeline = new(fixture);

    [Fact]
    public async Task WatchedLabel_IsTheShareTheWindowCounts()
    {
        var key = ClusterPipeline.NewSource("select-watch");
        await _pipeline.Source(key).SetPolicyAsync(AlertPolicy.Default with { Models = ["sentiment"], WatchModel = "sentiment", WatchLabel = "positive" });

        await _pipeline.PublishAsync(key, [ClusterPipeline.Comment(key, "w1", "lovely"), ClusterPipeline.Comment(key, "w2", "fine"), ClusterPipeline.Comment(key, "w3", "broken again")]);
        var window = await _pipeline.WaitForCountAsync(key, 3);

        Assert.Equal(2, window.NegativeCount);
        Assert.Equal(new Dictionary<string, int> { ["positive"] = 2, ["negative"] = 1 }, window.LabelCounts);
        Assert.Equal(["sentiment"], (await _pipeline.Source(key).GetPolicyAsync()).Models!);
    }

    [Fact]
    public async Task TenantModelWithoutServing_DeadLettersTheCommentsNamingIt()
    {
        var key = ClusterPipeline.NewSource("select-tenant");
        await _pipeline.Source(key).SetPolicyAsync(AlertPolicy.Default with { Models = ["sentiment", "select-tenant:requirements"] });

        await _pipeline.PublishAsync(key, [ClusterPipeline.Comment(key, "t1", "lovely")]);
        var letters = await Eventually.WaitForAsync(
            () => _pipeline.Grains.GetGrain<IDeadLetterGrain>("select-tenant").GetAsync(10), page => page.Total == 1, "the dead letter");

        Assert.Contains("select-tenant:requirements", letters.Items.Single().Reason);
        Assert.Equal(0, (await _pipeline.Source(key).GetWindowAsync()).Count);
    }

    [Fact]
    public void Policy_WatchingAModelTheSourceDoesNotRun_IsInvalid()
    {
        var policy = AlertPolicy.Default with { Models = ["sentiment"], WatchModel = "category", WatchLabel = "billing" };

        Assert.Contains("watchModel", policy.Validate().Keys);
        Assert.Contains("models", (AlertPolicy.Default with { Models = [] }).Validate().Keys);
        Assert.Contains("watchLabel", (AlertPolicy.Default with { WatchModel = "sentiment" }).Validate().Keys);
    }
}

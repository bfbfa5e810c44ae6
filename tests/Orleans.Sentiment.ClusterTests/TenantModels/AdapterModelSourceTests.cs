using Microsoft.Extensions.DependencyInjection;
using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.TestingHost;

namespace Orleans.Sentiment.ClusterTests.TenantModels;

/// <summary>The silo's <see cref="IAdapterModelSource"/>: serving follows activation at once on the silo that made it, and loads the stored bytes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AdapterModelSourceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task FindActive_FollowsActivation_AndLoadReturnsTheVersionsFiles()
    {
        var source = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IAdapterModelSource>();
        var model = fixture.Cluster.GrainFactory.GetGrain<ITenantModelGrain>("serving/requirements");
        await model.DefineAsync(new TenantModelDefinition(["feature", "stability"], false, TenantModelDefinition.DefaultBaseModel));
        var head = "{\"labels\":[\"feature\",\"stability\"]}"u8.ToArray();
        await model.CreateVersionAsync("v1", "job-v1", autoActivate: false);
        await model.CompleteVersionAsync("v1", new TrainedVersion(
            new Dictionary<string, byte[]> { [AdapterArtifact.HeadConfigFileName] = head }, "head", 0.7, null,
            new Dictionary<string, double>(), 10, 2, 2, 5, TimeSpan.FromSeconds(1), new Dictionary<string, string>(), 42));

        Assert.Null(await source.FindActiveAsync("serving:requirements", CancellationToken.None));
        await model.ActivateAsync("v1", force: false);
        var active = await source.FindActiveAsync("serving:requirements", CancellationToken.None);

        Assert.Equal(new AdapterModelVersion("serving:requirements", "v1", "builtin:minilm"), active);
        Assert.Equal(head, (await source.LoadAsync(active!, CancellationToken.None)).Require(AdapterArtifact.HeadConfigFileName));
        Assert.Null(await source.FindActiveAsync("other:requirements", CancellationToken.None));

        await model.ActivateAsync(null, force: false);
        Assert.Null(await source.FindActiveAsync("serving:requirements", CancellationToken.None));
    }
}

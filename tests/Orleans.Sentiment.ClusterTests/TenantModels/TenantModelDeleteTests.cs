using Microsoft.Extensions.DependencyInjection;
using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.TestingHost;

namespace Orleans.Sentiment.ClusterTests.TenantModels;

/// <summary>Deleting a tenant model (fixture: at most 3 models per tenant).</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantModelDeleteTests(ClusterFixture fixture)
{
    private static readonly TenantModelDefinition Requirements = new(["feature", "stability"], false, TenantModelDefinition.DefaultBaseModel);

    [Fact]
    public async Task Delete_AtTheModelQuota_FreesASlotAndTheCatalogNoLongerListsIt()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DefineModelStatus.Created, (await Model("del-quota", $"m{i}").DefineAsync(Requirements)).Status);
        }

        var refused = await Model("del-quota", "m3").DefineAsync(Requirements);
        var deleted = await Model("del-quota", "m1").DeleteAsync();
        var created = await Model("del-quota", "m3").DefineAsync(Requirements);

        Assert.Equal(DefineModelStatus.QuotaReached, refused.Status);
        Assert.Equal(DeleteModelResult.Deleted, deleted.Result);
        Assert.Equal(DefineModelStatus.Created, created.Status);
        Assert.Equal(["m0", "m2", "m3"], await Catalog("del-quota").ListAsync());
    }

    [Fact]
    public async Task Delete_AServedModel_RemovesItsVersionsArtifactsExamplesAndServing()
    {
        var model = Model("del-all", "requirements");
        var examples = fixture.Cluster.GrainFactory.GetGrain<IExamplesGrain>("del-all/requirements");
        var source = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<IAdapterModelSource>();
        await model.DefineAsync(Requirements);
        await examples.AddAsync([new NewExample("add a dark mode", ["feature"], false), new NewExample("it crashes", ["stability"], true)], 1200);
        await TrainAsync(model, "v1");
        await TrainAsync(model, "v2");
        await model.ActivateAsync("v1", force: false);
        var served = await source.FindActiveAsync("del-all:requirements", CancellationToken.None);
        Assert.NotNull(served);

        var outcome = await model.DeleteAsync();

        Assert.Equal(DeleteModelResult.Deleted, outcome.Result);
        Assert.Null(await model.GetAsync());
        Assert.Null(await Artifact("del-all", "v1").LoadAsync());
        Assert.Null(await Artifact("del-all", "v2").LoadAsync());
        Assert.Equal(0, (await examples.ListAsync(0, 10)).Total);
        Assert.Empty(await examples.ReadAllAsync());
        var serving = await fixture.Cluster.GrainFactory.GetGrain<IActiveModelsGrain>(0).GetSnapshotAsync(-1);
        Assert.False(serving!.Models.ContainsKey("del-all:requirements"));
        Assert.Null(await source.FindActiveAsync("del-all:requirements", CancellationToken.None));
        // A silo whose copy still named the version fails the texts naming the model, rather than retrying them.
        await Assert.ThrowsAsync<TenantModelUnavailableException>(async () => await source.LoadAsync(served, CancellationToken.None));
        Assert.Empty(await Catalog("del-all").ListAsync());

        var again = await model.DefineAsync(Requirements with { MultiLabel = true });
        Assert.Equal(DefineModelStatus.Created, again.Status);
        Assert.Empty(again.Model!.Versions);
        Assert.Null(again.Model.ActiveVersion);
    }

    [Fact]
    public async Task Delete_WhileAVersionIsQueuedOrTraining_IsRefusedNamingTheJob()
    {
        var model = Model("del-busy", "requirements");
        await model.DefineAsync(Requirements);
        await model.CreateVersionAsync("v1", "job-v1", autoActivate: false);

        var whileQueued = await model.DeleteAsync();
        await model.MarkTrainingAsync("v1");
        var whileTraining = await model.DeleteAsync();

        Assert.Equal(DeleteModelResult.Training, whileQueued.Result);
        Assert.Equal(["job-v1"], whileQueued.Jobs);
        Assert.Contains("job-v1", whileQueued.Detail);
        Assert.Equal(DeleteModelResult.Training, whileTraining.Result);
        Assert.NotNull(await model.GetAsync());
        Assert.Equal(["requirements"], await Catalog("del-busy").ListAsync());

        await model.FailVersionAsync("v1", "cancelled");
        Assert.Equal(DeleteModelResult.Deleted, (await model.DeleteAsync()).Result);
    }

    [Fact]
    public async Task Delete_AnUndefinedOrDeletedModel_IsNotFound()
    {
        var model = Model("del-twice", "requirements");

        var undefined = await model.DeleteAsync();
        await model.DefineAsync(Requirements);
        var first = await model.DeleteAsync();
        var second = await model.DeleteAsync();

        Assert.Equal(DeleteModelResult.NotFound, undefined.Result);
        Assert.Equal(DeleteModelResult.Deleted, first.Result);
        Assert.Equal(DeleteModelResult.NotFound, second.Result);
    }

    private ITenantModelGrain Model(string tenant, string model) =>
        fixture.Cluster.GrainFactory.GetGrain<ITenantModelGrain>(new TenantModelKey(tenant, model).ToString());

    private ITenantModelCatalogGrain Catalog(string tenant) => fixture.Cluster.GrainFactory.GetGrain<ITenantModelCatalogGrain>(tenant);

    private IModelArtifactGrain Artifact(string tenant, string version) =>
        fixture.Cluster.GrainFactory.GetGrain<IModelArtifactGrain>(new TenantModelKey(tenant, "requirements").VersionKey(version));

    private static async Task TrainAsync(ITenantModelGrain model, string versionId)
    {
        await model.CreateVersionAsync(versionId, "job-" + versionId, autoActivate: false);
        await model.MarkTrainingAsync(versionId);
        await model.CompleteVersionAsync(versionId, new TrainedVersion(
            new Dictionary<string, byte[]> { [AdapterArtifact.HeadConfigFileName] = "{}"u8.ToArray() }, "head", 0.7, null,
            new Dictionary<string, double>(), 10, 2, 2, 5, TimeSpan.FromSeconds(1), new Dictionary<string, string>(), 42));
    }
}

using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.ClusterTests.TenantModels;

/// <summary>Tenant models in the cluster (fixture: at most 3 models per tenant and 3 kept versions, gate 0.05).</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantModelGrainTests(ClusterFixture fixture)
{
    private static readonly TenantModelDefinition Requirements = new(["feature", "stability", "performance"], false, TenantModelDefinition.DefaultBaseModel);

    [Fact]
    public async Task Define_SameDefinitionAgain_ChangesNothing_AnotherConflicts()
    {
        var model = Model("acme-define", "requirements");

        var created = await model.DefineAsync(Requirements);
        var again = await model.DefineAsync(Requirements with { Labels = [.. Requirements.Labels] });
        var other = await model.DefineAsync(Requirements with { MultiLabel = true });

        Assert.Equal(DefineModelStatus.Created, created.Status);
        Assert.Equal(DefineModelStatus.Unchanged, again.Status);
        Assert.Equal(DefineModelStatus.Conflict, other.Status);
        Assert.False((await model.GetAsync())!.Definition.MultiLabel);
        Assert.Equal(["requirements"], await fixture.Cluster.GrainFactory.GetGrain<ITenantModelCatalogGrain>("acme-define").ListAsync());
    }

    [Fact]
    public async Task Define_BeyondTheTenantsModelQuota_IsRefusedAndOtherTenantsStillDefine()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DefineModelStatus.Created, (await Model("acme-quota", $"m{i}").DefineAsync(Requirements)).Status);
        }

        var refused = await Model("acme-quota", "m3").DefineAsync(Requirements);

        Assert.Equal(DefineModelStatus.QuotaReached, refused.Status);
        Assert.Contains("Training:MaxModelsPerTenant", refused.Detail);
        Assert.Null(await Model("acme-quota", "m3").GetAsync());
        Assert.Equal(DefineModelStatus.Created, (await Model("other-quota", "m3").DefineAsync(Requirements)).Status);
    }

    [Fact]
    public async Task Versions_TrainedActivatedGatedForcedAndRolledBack_ServeAsTheMapSays()
    {
        var model = Model("acme-gate", "requirements");
        await model.DefineAsync(Requirements);
        await TrainAsync(model, "v1", 0.70);
        await TrainAsync(model, "v2", 0.60);

        var first = await model.ActivateAsync("v1", force: false);
        var refused = await model.ActivateAsync("v2", force: false);

        Assert.Equal(ActivationResult.Done, first.Result);
        Assert.Equal(ActivationResult.GateRefused, refused.Result);
        Assert.Equal(new GateFigures("v2", 0.60, "v1", 0.70, 0.05), refused.Gate);
        Assert.Equal("v1", (await ServingAsync("acme-gate:requirements"))?.VersionId);

        var forced = await model.ActivateAsync("v2", force: true);
        Assert.Equal(ActivationResult.Done, forced.Result);
        Assert.Equal(ModelVersionStatus.Ready, forced.Model!.Versions.Single(v => v.VersionId == "v1").Status);
        Assert.Equal("v2", (await ServingAsync("acme-gate:requirements"))?.VersionId);

        var rolledBack = await model.RollbackAsync(null);
        Assert.Equal(ActivationResult.Done, rolledBack.Result);
        Assert.Equal("v1", rolledBack.Model!.ActiveVersion);
        Assert.Equal("v1", (await ServingAsync("acme-gate:requirements"))?.VersionId);

        await model.ActivateAsync(null, force: false);
        Assert.Null(await ServingAsync("acme-gate:requirements"));
    }

    [Fact]
    public async Task Complete_WithAutoActivate_ActivatesAPassingVersionOnly()
    {
        var model = Model("acme-auto", "requirements");
        await model.DefineAsync(Requirements);

        await TrainAsync(model, "v1", 0.70, autoActivate: true);
        await TrainAsync(model, "v2", 0.50, autoActivate: true);
        await TrainAsync(model, "v3", 0.67, autoActivate: true);

        var snapshot = (await model.GetAsync())!;
        Assert.Equal("v3", snapshot.ActiveVersion);
        var v2 = snapshot.Versions.Single(v => v.VersionId == "v2");
        Assert.Equal(ModelVersionStatus.Ready, v2.Status);
        Assert.Contains("not activated", v2.ActivationNote);
    }

    [Fact]
    public async Task Complete_BeyondTheVersionsKept_RetiresTheOldestThatDoesNotServe()
    {
        var model = Model("acme-prune", "requirements");
        await model.DefineAsync(Requirements);
        await TrainAsync(model, "v1", 0.70);
        await model.ActivateAsync("v1", force: false);
        foreach (var id in new[] { "v2", "v3", "v4" })
        {
            await TrainAsync(model, id, 0.70);
        }

        var versions = (await model.GetAsync())!.Versions.ToDictionary(v => v.VersionId, v => v.Status);

        Assert.Equal(ModelVersionStatus.Active, versions["v1"]);
        Assert.Equal(ModelVersionStatus.Retired, versions["v2"]);
        Assert.Equal(ModelVersionStatus.Ready, versions["v4"]);
        Assert.Null(await Artifact("acme-prune", "v2").LoadAsync());
        Assert.NotNull(await Artifact("acme-prune", "v1").LoadAsync());
        Assert.Equal(ActivationResult.NotServable, (await model.ActivateAsync("v2", force: true)).Result);
    }

    [Fact]
    public async Task Fail_RecordsTheReason_AndAFailedVersionCannotServe()
    {
        var model = Model("acme-fail", "requirements");
        await model.DefineAsync(Requirements);
        await model.CreateVersionAsync("v1", "job-1", autoActivate: true);
        await model.MarkTrainingAsync("v1");

        await model.FailVersionAsync("v1", "too few examples of 'stability': 3, at least 8 needed");
        await model.CompleteVersionAsync("v1", Trained(0.9));

        var version = (await model.GetAsync())!.Versions.Single();
        Assert.Equal(ModelVersionStatus.Failed, version.Status);
        Assert.Contains("stability", version.FailureReason);
        Assert.Equal(ActivationResult.NotServable, (await model.ActivateAsync("v1", force: true)).Result);
        Assert.Null(await Artifact("acme-fail", "v1").LoadAsync());
    }

    [Fact]
    public async Task Versions_OfAnUndefinedModel_AreNotCreated()
    {
        var model = Model("acme-undefined", "nothing");

        Assert.Null(await model.CreateVersionAsync("v1", "job", autoActivate: false));
        Assert.Equal(ActivationResult.NotFound, (await model.ActivateAsync("v1", force: true)).Result);
    }

    private ITenantModelGrain Model(string tenant, string model) =>
        fixture.Cluster.GrainFactory.GetGrain<ITenantModelGrain>(new TenantModelKey(tenant, model).ToString());

    private IModelArtifactGrain Artifact(string tenant, string version) =>
        fixture.Cluster.GrainFactory.GetGrain<IModelArtifactGrain>(new TenantModelKey(tenant, "requirements").VersionKey(version));

    private async Task<ActiveModel?> ServingAsync(string qualifiedName)
    {
        var snapshot = await fixture.Cluster.GrainFactory.GetGrain<IActiveModelsGrain>(0).GetSnapshotAsync(-1);
        return snapshot!.Models.GetValueOrDefault(qualifiedName);
    }

    private static async Task TrainAsync(ITenantModelGrain model, string versionId, double macroF1, bool autoActivate = false)
    {
        await model.CreateVersionAsync(versionId, "job-" + versionId, autoActivate);
        await model.MarkTrainingAsync(versionId);
        await model.CompleteVersionAsync(versionId, Trained(macroF1));
    }

    private static TrainedVersion Trained(double macroF1) => new(
        new Dictionary<string, byte[]> { ["head_config.json"] = "{}"u8.ToArray(), ["adapter_model.safetensors"] = new byte[1024] },
        "head", macroF1, null, new Dictionary<string, double> { ["feature"] = macroF1 }, 100, 20, 20, 50, TimeSpan.FromSeconds(30),
        new Dictionary<string, string> { ["epochs"] = "10" }, 42);
}

using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>
/// What deleting a tenant model removes besides the model's own record, in an order that never leaves a served
/// version without its artifact: the serving entry first (this silo's copy at once, the other silos' within
/// <see cref="ActiveModelsCache.RefreshInterval"/>), then every version's artifact, every example page, and last the
/// name in the tenant's catalog, which frees the quota slot. Each step may be repeated, so a deletion retried after a
/// failure part-way finishes.
/// </summary>
internal static class TenantModelRemoval
{
    public static async Task RemoveAsync(IGrainFactory grains, ActiveModelsCache servingCache, TenantModelKey key, IEnumerable<string> versionIds)
    {
        await grains.GetGrain<IActiveModelsGrain>(0).SetAsync(key.QualifiedName, null);
        await servingCache.RefreshAsync();
        await Task.WhenAll(versionIds.Select(v => grains.GetGrain<IModelArtifactGrain>(key.VersionKey(v)).DeleteAsync()));

        // The index keeps counting pages and rows, so an example id of this model never names one of a model later defined under its name.
        await grains.GetGrain<IExamplesGrain>(key.ToString()).DeleteAllAsync();
        await grains.GetGrain<ITenantModelCatalogGrain>(key.Tenant).RemoveAsync(key.Model);
    }
}

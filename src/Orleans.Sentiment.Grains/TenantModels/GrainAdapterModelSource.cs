using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Inference.Adapters;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>Where serving finds tenant models: the serving versions from this silo's <see cref="ActiveModelsCache"/>, the bytes from the version's artifact grain.</summary>
public sealed class GrainAdapterModelSource(ActiveModelsCache cache, IGrainFactory grains) : IAdapterModelSource
{
    public async ValueTask<AdapterModelVersion?> FindActiveAsync(string name, CancellationToken cancellationToken) =>
        await cache.FindAsync(name) is { } active ? new AdapterModelVersion(name, active.VersionId, active.BaseModel) : null;

    public async ValueTask<AdapterArtifact> LoadAsync(AdapterModelVersion version, CancellationToken cancellationToken)
    {
        if (!TenantModelKey.TryParseQualified(version.Name, out var key))
        {
            throw new ArgumentException($"'{version.Name}' is not a tenant model's name (tenant:model).", nameof(version));
        }

        // Unavailable, not an error to retry: this silo's copy of the serving versions may still name a version that was
        // retired, or whose model was deleted, for up to ActiveModelsCache.RefreshInterval; the texts fail naming the model.
        var files = await grains.GetGrain<IModelArtifactGrain>(key.VersionKey(version.VersionId)).LoadAsync()
            ?? throw new TenantModelUnavailableException($"Tenant model '{version.Name}' version {version.VersionId} has no stored artifact (retired, or the model was deleted).");
        return new AdapterArtifact(files);
    }
}

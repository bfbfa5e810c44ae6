namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>
/// The artifact of one version (adapter and head files, bytes by file name); key "{tenant}/{model}/{version}".
/// Written once: a version id always has the same bytes, so readers may cache them for good.
/// </summary>
[Alias("sentiment.IModelArtifactGrain")]
public interface IModelArtifactGrain : IGrainWithStringKey
{
    [Alias("Store")]
    Task StoreAsync(IReadOnlyDictionary<string, byte[]> files);

    /// <summary>The files, or null when none are stored (never trained, or retired).</summary>
    [Alias("Load")]
    Task<IReadOnlyDictionary<string, byte[]>?> LoadAsync();

    [Alias("Delete")]
    Task DeleteAsync();
}

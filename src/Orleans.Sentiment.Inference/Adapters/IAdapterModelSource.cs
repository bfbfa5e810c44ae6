namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>Looks up the tenant models a silo serves; implemented by the cluster's model registry.</summary>
public interface IAdapterModelSource
{
    /// <summary>
    /// The version of tenant model <paramref name="name"/> ("tenant:model") that serves now, or null when it has none active.
    /// Called for every batch of texts naming the model: implementations cache (a few seconds) and are cheap.
    /// </summary>
    ValueTask<AdapterModelVersion?> FindActiveAsync(string name, CancellationToken cancellationToken);

    /// <summary>The artifact of a version; immutable (the same version id always has the same bytes).</summary>
    ValueTask<AdapterArtifact> LoadAsync(AdapterModelVersion version, CancellationToken cancellationToken);
}

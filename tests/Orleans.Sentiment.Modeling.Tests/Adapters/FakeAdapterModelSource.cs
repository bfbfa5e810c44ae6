using System.Collections.Concurrent;
using Orleans.Sentiment.Inference.Adapters;

namespace Orleans.Sentiment.Modeling.Tests.Adapters;

/// <summary>A model registry in memory: the active version per tenant model, and the artifacts by version id; counts loads.</summary>
internal sealed class FakeAdapterModelSource : IAdapterModelSource
{
    private readonly ConcurrentDictionary<string, AdapterModelVersion> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AdapterArtifact> _artifacts = new(StringComparer.Ordinal);
    private int _loads;

    public int Loads => Volatile.Read(ref _loads);

    /// <summary>Adds <paramref name="artifact"/> as version <paramref name="versionId"/> of <paramref name="name"/> and activates it.</summary>
    public void Activate(string name, string versionId, AdapterArtifact artifact)
    {
        _artifacts[name + "@" + versionId] = artifact;
        _active[name] = new AdapterModelVersion(name, versionId, "base");
    }

    public ValueTask<AdapterModelVersion?> FindActiveAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_active.TryGetValue(name, out var version) ? version : null);

    public async ValueTask<AdapterArtifact> LoadAsync(AdapterModelVersion version, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _loads);
        await Task.Yield();
        return _artifacts[version.Name + "@" + version.VersionId];
    }
}

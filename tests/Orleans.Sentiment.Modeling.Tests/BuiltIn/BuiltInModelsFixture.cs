using Orleans.Sentiment.Modeling.BuiltIn;
using Orleans.Sentiment.Modeling.Tests.ModelFolders;

namespace Orleans.Sentiment.Modeling.Tests.BuiltIn;

/// <summary>One build of the built-in models in a temporary cache, shared by a test class (two adapter merges, seconds).</summary>
public sealed class BuiltInModelsFixture : IDisposable
{
    private readonly TemporaryFolder _cache = new();

    public BuiltInModelsFixture() => Folders = BuiltInModels.EnsureBuilt(_cache.Path);

    public string CacheDirectory => _cache.Path;

    public BuiltInModelFolders Folders { get; }

    public void Dispose() => _cache.Dispose();
}

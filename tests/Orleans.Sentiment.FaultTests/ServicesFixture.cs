using Orleans.Sentiment.FaultTests.Services;

namespace Orleans.Sentiment.FaultTests;

/// <summary>One Redis and one NATS for the whole run (each cluster gets its own ids and stream on them).</summary>
public sealed class ServicesFixture : IAsyncLifetime
{
    private IClusterServices? _services;

    public IClusterServices Services => _services ?? throw new InvalidOperationException(ClusterServices.SkipReason ?? "Services not started.");

    public async Task InitializeAsync()
    {
        if (ClusterServices.SkipReason is null)
        {
            _services = await ClusterServices.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "fault";
}

namespace Orleans.Sentiment.FaultTests.Services;

/// <summary>
/// Redis and NATS JetStream for a production-profile cluster under test. One interface, three backends: processes
/// the fixture starts itself (redis-server and nats-server on PATH), Testcontainers (where a Docker endpoint
/// exists), or endpoints given in SENTIMENT_REDIS / SENTIMENT_NATS (services CI started; those cannot be faulted).
/// </summary>
public interface IClusterServices : IAsyncDisposable
{
    /// <summary>Which backend this is, for messages.</summary>
    string Backend { get; }

    /// <summary>StackExchange.Redis connection string.</summary>
    string RedisConnectionString { get; }

    /// <summary>nats:// URL of a server with JetStream enabled.</summary>
    string NatsUrl { get; }

    /// <summary>Whether the fixture controls the services (can make Redis unavailable and restart NATS).</summary>
    bool CanInjectFaults { get; }

    /// <summary>Makes Redis stop answering without losing its data (the process is frozen).</summary>
    Task MakeRedisUnavailableAsync();

    /// <summary>Lets Redis answer again.</summary>
    Task RestoreRedisAsync();

    /// <summary>Stops NATS and starts it again on the same address with the same JetStream store.</summary>
    Task RestartNatsAsync();

    /// <summary>Stops NATS (its JetStream store stays for <see cref="StartNatsAsync"/>).</summary>
    Task StopNatsAsync();

    /// <summary>Starts NATS again after <see cref="StopNatsAsync"/>, on the same address with the same store.</summary>
    Task StartNatsAsync();
}

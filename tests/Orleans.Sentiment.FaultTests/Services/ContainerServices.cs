using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Orleans.Sentiment.Testing;
using Testcontainers.Redis;

namespace Orleans.Sentiment.FaultTests.Services;

/// <summary>Redis and NATS in containers (Testcontainers), for machines with a Docker endpoint.</summary>
internal sealed class ContainerServices : IClusterServices
{
    private const int NatsContainerPort = 4222;
    private readonly RedisContainer _redis;
    private readonly IContainer _nats;
    private readonly int _natsHostPort = FreePort.Next();

    private ContainerServices()
    {
        // Build() is where Testcontainers looks for Docker: it throws DockerUnavailableException when none exists.
        _redis = new RedisBuilder("redis:7.0").Build();
        _nats = new ContainerBuilder("nats:2.10")
            .WithCommand("-js", "-sd", "/data")
            .WithPortBinding(_natsHostPort, NatsContainerPort)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Server is ready"))
            .Build();
    }

    public string Backend => "Testcontainers";

    public string RedisConnectionString => _redis.GetConnectionString();

    public string NatsUrl => $"nats://{_nats.Hostname}:{_natsHostPort}";

    public bool CanInjectFaults => true;

    /// <summary>Why this backend cannot run here, or null.</summary>
    public static string? Unavailable()
    {
        try
        {
            _ = new ContainerServices();
            return null;
        }
        catch (DockerUnavailableException e)
        {
            return $"no Docker endpoint for Testcontainers ({e.Message.Split('\n')[0]})";
        }
    }

    public static async Task<ContainerServices> StartAsync()
    {
        var services = new ContainerServices();
        await Task.WhenAll(services._redis.StartAsync(), services._nats.StartAsync());
        return services;
    }

    public Task MakeRedisUnavailableAsync() => _redis.PauseAsync();

    public Task RestoreRedisAsync() => _redis.UnpauseAsync();

    public async Task RestartNatsAsync()
    {
        await StopNatsAsync();
        await StartNatsAsync();
    }

    public Task StopNatsAsync() => _nats.StopAsync();

    public Task StartNatsAsync() => _nats.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _nats.DisposeAsync();
        await _redis.DisposeAsync();
    }
}

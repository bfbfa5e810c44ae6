using System.Net.Sockets;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.FaultTests.Services;

/// <summary>redis-server and nats-server (JetStream, temporary store) on free loopback ports, started by the fixture.</summary>
internal sealed class ProcessServices : IClusterServices
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fault-services-").FullName;
    private readonly int _redisPort = FreePort.Next();
    private readonly int _natsPort = FreePort.Next();
    private ServiceProcess? _redis;
    private ServiceProcess? _nats;

    public string Backend => "processes (redis-server, nats-server)";

    public string RedisConnectionString => $"127.0.0.1:{_redisPort}";

    public string NatsUrl => $"nats://127.0.0.1:{_natsPort}";

    public bool CanInjectFaults => true;

    /// <summary>Why this backend cannot run here, or null.</summary>
    public static string? Unavailable()
    {
        var missing = new[] { "redis-server", "nats-server" }.Where(b => FindOnPath(b) is null).ToArray();
        return missing.Length == 0 ? null : $"{string.Join(" and ", missing)} not on PATH (run deploy/local/install-services.sh)";
    }

    public static async Task<ProcessServices> StartAsync()
    {
        var services = new ProcessServices();
        try
        {
            services._redis = ServiceProcess.Start(FindOnPath("redis-server")!,
                ["--bind", "127.0.0.1", "--port", services._redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", services._directory]);
            await WaitForPortAsync(services._redisPort, services._redis, "redis-server");
            await services.StartNatsAsync();
            return services;
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    public Task MakeRedisUnavailableAsync() => _redis!.SignalAsync("STOP");

    public Task RestoreRedisAsync() => _redis!.SignalAsync("CONT");

    public async Task RestartNatsAsync()
    {
        await StopNatsAsync();
        await StartNatsAsync();
    }

    public Task StopNatsAsync() => _nats!.DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_nats is not null)
        {
            await _nats.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    public async Task StartNatsAsync()
    {
        _nats = ServiceProcess.Start(FindOnPath("nats-server")!,
            ["-a", "127.0.0.1", "-p", _natsPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-js", "-sd", Path.Combine(_directory, "jetstream")]);
        await WaitForPortAsync(_natsPort, _nats, "nats-server");
    }

    private static async Task WaitForPortAsync(int port, ServiceProcess process, string name)
    {
        await Eventually.WaitForAsync(
            async () =>
            {
                if (process.HasExited)
                {
                    return "exited";
                }

                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync("127.0.0.1", port);
                    return "listening";
                }
                catch (SocketException)
                {
                    return "starting";
                }
            },
            state => state is "listening" or "exited",
            $"{name} to listen on {port}",
            TimeSpan.FromSeconds(30));
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{name} exited during start-up:\n{process.Output}");
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);
}

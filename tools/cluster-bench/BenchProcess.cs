using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.ClusterBench;

/// <summary>A process the bench starts (redis-server, nats-server or a silo) and kills at the end.</summary>
internal sealed class BenchProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BenchProcess(Process process) => _process = process;

    public static BenchProcess Start(string executable, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? "" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BenchProcess(process);
    }

    public static async Task<(BenchProcess Redis, BenchProcess Nats, string RedisAddress, string NatsUrl)> StartServicesAsync(string directory)
    {
        var redisPort = FreePort.Next();
        var natsPort = FreePort.Next();
        var redis = Start("redis-server", ["--bind", "127.0.0.1", "--port", redisPort.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--dir", directory]);
        var nats = Start("nats-server", ["-a", "127.0.0.1", "-p", natsPort.ToString(CultureInfo.InvariantCulture), "-js", "-sd", Path.Combine(directory, "jetstream")]);
        await WaitForPortAsync(redisPort);
        await WaitForPortAsync(natsPort);
        return (redis, nats, $"127.0.0.1:{redisPort}", $"nats://127.0.0.1:{natsPort}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public bool HasExited => _process.HasExited;

    private static async Task WaitForPortAsync(int port)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                // Poll interval while a service binds its port.
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"Nothing listens on port {port}.");
    }
}

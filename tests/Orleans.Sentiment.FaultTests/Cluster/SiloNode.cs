using System.Diagnostics;
using System.Globalization;
using System.Text;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.FaultTests.Cluster;

/// <summary>
/// One real silo (or front-end) process of the production profile. Its ports are fixed when created, so a restart
/// comes back where it was, as a restarted pod or a cluster.sh restart would.
/// </summary>
public sealed class SiloNode : IAsyncDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public SiloNode(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        _settings = settings;
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        SiloPort = FreePort.Next();
        GatewayPort = FreePort.Next();
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Whether an Orleans silo address ("S127.0.0.1:port:generation", as job records name silos) is one of this node's incarnations.</summary>
    public bool Owns(string? siloAddress) => siloAddress?.Contains($"127.0.0.1:{SiloPort}:", StringComparison.Ordinal) == true;

    /// <summary>Everything every incarnation of this node wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string SiloAssembly => Path.Combine(TestPaths.RepositoryRoot, "silo", "bin", Configuration, "net10.0", "linux-x64", "Orleans.Sentiment.Silo.dll");

    public async Task StartAsync()
    {
        if (!File.Exists(SiloAssembly))
        {
            throw new FileNotFoundException("Build the silo before the fault tests.", SiloAssembly);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SiloAssembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl.ToString().TrimEnd('/'));
        var settings = new Dictionary<string, string>(_settings)
        {
            ["Orleans:SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        Append($"---- start {Name} ----");
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>kill -9: no shutdown, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM and wait: the host's graceful shutdown, as Kubernetes does it.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
            await term.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var lastAnswer = "";
        var state = await Eventually.WaitForAsync(
            async () =>
            {
                if (_process!.HasExited)
                {
                    return "exited";
                }

                // Its own "Now listening" line first: a port taken by another process in the meantime would answer
                // the readiness probe for a silo that is about to exit because it cannot bind.
                if (!Output.Contains($"Now listening on: http://127.0.0.1:{BaseUrl.Port}", StringComparison.Ordinal))
                {
                    return "starting";
                }

                try
                {
                    using var response = await http.GetAsync("/health/ready");
                    lastAnswer = await response.Content.ReadAsStringAsync();
                    return response.IsSuccessStatusCode ? "ready" : "starting";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return "starting";
                }
            },
            s => s is "ready" or "exited",
            $"{Name} to become ready",
            TimeSpan.FromMinutes(3)).ContinueWith(
                t => t.IsCompletedSuccessfully ? t.Result : throw new TimeoutException($"{Name} was not ready after 3 minutes; /health/ready said {lastAnswer}\n{Tail(Output)}", t.Exception?.InnerException),
                TaskScheduler.Default);
        if (state == "exited")
        {
            await _process!.WaitForExitAsync();
            throw new InvalidOperationException($"{Name} exited during start-up:\n{Output}");
        }
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.EndToEndTests;

/// <summary>
/// The real silo executable, started on free ports with the given settings; it listens on 127.0.0.1 unless told
/// another address (say 0.0.0.0, to test the non-loopback defaults), and is always called through loopback.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiloProcess(Process process, Uri baseUrl, int siloPort, int gatewayPort)
    {
        _process = process;
        BaseUrl = baseUrl;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUrl { get; }

    /// <summary>The silo-to-silo port (<c>Orleans:SiloPort</c>): the one given in the settings, else a free one.</summary>
    public int SiloPort { get; }

    /// <summary>Resident memory when the silo first answered ready, models (classification and language) loaded: what requests grow it from.</summary>
    public long ReadyMemory { get; private set; }

    /// <summary>The gateway port (<c>Orleans:GatewayPort</c>): the one given in the settings, else a free one.</summary>
    public int GatewayPort { get; }

    /// <summary>Everything the silo wrote to stdout and stderr so far.</summary>
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

    public static async Task<SiloProcess> StartAsync(
        IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment = null, string listenAddress = "127.0.0.1")
    {
        var silo = Path.Combine(TestPaths.RepositoryRoot, "silo", "bin", Configuration, "net10.0", "linux-x64", "Orleans.Sentiment.Silo.dll");
        if (!File.Exists(silo))
        {
            throw new FileNotFoundException("Build the silo before the end-to-end tests.", silo);
        }

        var port = FreePort.Next();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(silo);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://{listenAddress}:{port}");
        var siloPort = settings.TryGetValue("Orleans:SiloPort", out var given) ? int.Parse(given, CultureInfo.InvariantCulture) : FreePort.Next();
        var gatewayPort = settings.TryGetValue("Orleans:GatewayPort", out given) ? int.Parse(given, CultureInfo.InvariantCulture) : FreePort.Next();
        var ports = new Dictionary<string, string>
        {
            ["Orleans:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings.Where(s => !ports.ContainsKey(s.Key)).Concat(ports))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var silo1 = new SiloProcess(Process.Start(start)!, baseUrl, siloPort, gatewayPort);
        using var http = new HttpClient { BaseAddress = baseUrl };
        // Its own "Now listening" line first: a port another process took in the meantime would answer the readiness
        // probe for a silo that is about to exit (it cannot bind), and the tests would talk to the wrong silo.
        var listening = $"Now listening on: http://{listenAddress}:{port}";
        try
        {
            await Eventually.WaitForAsync(
                async () => silo1._process.HasExited ? "exited" : silo1.Output.Contains(listening, StringComparison.Ordinal) ? await ReadinessAsync(http) : "starting",
                state => state is "ready" or "exited",
                "the silo to become ready",
                TimeSpan.FromMinutes(3));
            if (silo1._process.HasExited)
            {
                // Waiting again drains the redirected output, so the message holds all of it.
                await silo1._process.WaitForExitAsync();
                throw new InvalidOperationException($"The silo exited during start-up:\n{silo1.Output}");
            }

            silo1.ReadyMemory = silo1.ResetPeakMemory();
        }
        catch
        {
            await silo1.DisposeAsync();
            throw;
        }

        return silo1;
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Sends SIGTERM, as Kubernetes or systemd do, without waiting for the process to end.</summary>
    public void RequestStop()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed ({Marshal.GetLastPInvokeError()}).");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
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

    /// <summary>
    /// Starts the peak (VmHWM) again from the current resident memory, which it returns: loading the models peaks above
    /// what they keep, and that start-up peak is no request's doing. Where the kernel refuses, the peak so far stands.
    /// </summary>
    private long ResetPeakMemory()
    {
        try
        {
            File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");
            return Memory().Current;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Memory().Peak;
        }
    }

    /// <summary>How far the silo's peak resident memory has risen above <see cref="ReadyMemory"/>, in bytes.</summary>
    public long GrowthSinceReady() => Math.Max(0, Memory().Peak - ReadyMemory);

    /// <summary>Peak and current resident memory of the silo process, in bytes (VmHWM and VmRSS from /proc).</summary>
    public (long Peak, long Current) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        long Read(string field) => long.Parse(status.Single(l => l.StartsWith(field + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        return (Read("VmHWM"), Read("VmRSS"));
    }

    private static async Task<string> ReadinessAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health/ready");
            return response.IsSuccessStatusCode ? "ready" : "starting";
        }
        catch (HttpRequestException)
        {
            return "starting";
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

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

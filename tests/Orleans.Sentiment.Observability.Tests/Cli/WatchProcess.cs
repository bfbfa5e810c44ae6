using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Observability.Tests.Cli;

/// <summary>The client CLI as a long-running process with redirected output, read line by line while it runs.</summary>
internal sealed partial class WatchProcess : IAsyncDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private const int SigInt = 2;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private WatchProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(_lines, e.Data);
        process.ErrorDataReceived += (_, e) => Add(_errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string Errors => string.Join('\n', _errors);

    public static WatchProcess Start(params string[] args)
    {
        var client = Path.Combine(TestPaths.RepositoryRoot, "client", "bin", Configuration, "net10.0", "linux-x64", "orleans-sentiment.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(client);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new WatchProcess(Process.Start(start)!);
    }

    /// <summary>Sends SIGINT, as Ctrl-C on a terminal does, and waits for the exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        if (Kill(_process.Id, SigInt) != 0)
        {
            throw new InvalidOperationException($"kill(SIGINT) failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        // Generous: on a loaded 2-core machine the interrupted process can wait long for a thread.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The CLI did not exit within 120 s of SIGINT; its last line: {_lines.LastOrDefault()}");
        }

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

    private static void Add(ConcurrentQueue<string> queue, string? line)
    {
        if (line is not null)
        {
            queue.Enqueue(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

using Orleans.Sentiment.Client.Bench;

namespace Orleans.Sentiment.Tests.Bench;

public sealed class ThreadCpuTests
{
    [Fact]
    public void Read_ThreadNamedAsAModelWorker_CountsItsCpuAsModelWorkerTime()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var before = ThreadCpu.Read(Environment.ProcessId);
        using var burned = new ManualResetEventSlim();
        using var stop = new ManualResetEventSlim();
        var worker = new Thread(() =>
        {
            Burn(TimeSpan.FromMilliseconds(300));
            burned.Set();
            stop.Wait();
        }) { Name = "inference-7" };
        worker.Start();
        burned.Wait();

        // Read while the thread lives: an ended thread leaves /proc/<pid>/task.
        var used = ThreadCpu.Read(Environment.ProcessId) - before;
        stop.Set();
        worker.Join();

        Assert.True(before.Other > 0, "this process's own threads have used CPU");
        Assert.True(used.ModelWorkers > 0, $"model workers {used.ModelWorkers:F2} s");
    }

    private static void Burn(TimeSpan duration)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var x = 0L;
        while (watch.Elapsed < duration)
        {
            x += watch.ElapsedTicks % 7;
        }

        GC.KeepAlive(x);
    }
}

using Orleans.Sentiment.Grains.Training;

namespace Orleans.Sentiment.ClusterTests.Training;

public sealed class LowPriorityThreadTests
{
    [Fact]
    public async Task RunAsync_Work_RunsNicedOnItsOwnThreadAndResumesThere()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var caller = Environment.CurrentManagedThreadId;

        var (before, after, niceBefore, niceAfter) = await LowPriorityThread.RunAsync(async () =>
        {
            var first = (Environment.CurrentManagedThreadId, ThreadNice());
            await Task.Delay(10);
            return (first.CurrentManagedThreadId, Environment.CurrentManagedThreadId, first.Item2, ThreadNice());
        }, "test training");

        Assert.NotEqual(caller, before);
        Assert.Equal(before, after);
        Assert.Equal(LowPriorityThread.Nice, niceBefore - ProcessNice());
        Assert.Equal(niceBefore, niceAfter);
        Assert.NotEqual(LowPriorityThread.Nice, ThreadNice() - ProcessNice());
    }

    [Fact]
    public async Task RunAsync_Throws_TheTaskCarriesTheException()
    {
        var exception = await Assert.ThrowsAsync<TrainingDataException>(() =>
            LowPriorityThread.RunAsync<int>(() => throw new TrainingDataException("too few"), "test training"));

        Assert.Equal("too few", exception.Message);
    }

    /// <summary>The nice value of the calling thread (field 19 of /proc/thread-self/stat).</summary>
    private static int ThreadNice() => Nice("/proc/thread-self/stat");

    private static int ProcessNice() => Nice("/proc/self/stat");

    private static int Nice(string path)
    {
        var stat = File.ReadAllText(path);
        // Fields after the command name, which is in parentheses and may hold spaces.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}

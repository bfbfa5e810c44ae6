using System.Globalization;

namespace Orleans.Sentiment.Training.Lora.Tests.Tenant;

/// <summary>Reads threads' names and nice values from /proc (fields 2 and 19 of stat), as the scheduler sees them.</summary>
internal static class ThreadNice
{
    public static int OfCurrentThread() => Parse(File.ReadAllText("/proc/thread-self/stat")).Nice;

    /// <summary>Name and nice value of every thread of this process.</summary>
    public static List<(string Name, int Nice)> OfProcess() =>
        [.. Directory.GetDirectories($"/proc/{Environment.ProcessId}/task").Select(task => TryRead(Path.Combine(task, "stat"))).OfType<string>().Select(Parse)];

    private static (string Name, int Nice) Parse(string stat)
    {
        // The name (field 2) sits in parentheses and may hold spaces; the fields after it start at field 3 (state).
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        return (stat[(open + 1)..close], int.Parse(fields[19 - 3], CultureInfo.InvariantCulture));
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null; // the thread ended meanwhile
        }
    }
}

using System.Globalization;

namespace Orleans.Sentiment.Client.Bench;

/// <summary>CPU seconds a process's threads have used, split into the silo's model workers and everything else (Linux /proc).</summary>
internal readonly record struct ThreadCpu(double ModelWorkers, double Other)
{
    /// <summary>Thread-name prefix of the batching service's workers ("inference-0", ...).</summary>
    private const string WorkerPrefix = "inference-";

    public static ThreadCpu operator -(ThreadCpu after, ThreadCpu before) => new(after.ModelWorkers - before.ModelWorkers, after.Other - before.Other);

    /// <summary>The process's threads now; zero where /proc cannot be read.</summary>
    public static ThreadCpu Read(int processId)
    {
        var directory = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/task";
        if (!Directory.Exists(directory))
        {
            return default;
        }

        double workers = 0, other = 0;
        foreach (var task in Directory.EnumerateDirectories(directory))
        {
            if (ReadThread(Path.Combine(task, "stat")) is not { } thread)
            {
                continue;
            }

            if (thread.Name.StartsWith(WorkerPrefix, StringComparison.Ordinal))
            {
                workers += thread.Seconds;
            }
            else
            {
                other += thread.Seconds;
            }
        }

        return new ThreadCpu(workers, other);
    }

    /// <summary>The thread's name and user + system time; null when it ended meanwhile.</summary>
    private static (string Name, double Seconds)? ReadThread(string statPath)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(statPath);
        }
        catch (IOException)
        {
            return null;
        }

        // "tid (name) state ppid ...": the name may hold spaces, so split after its closing parenthesis.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (stat[(open + 1)..close], ticks / (double)ClockTicksPerSecond);
    }

    /// <summary>USER_HZ: 100 on every Linux this runs on.</summary>
    private const int ClockTicksPerSecond = 100;
}

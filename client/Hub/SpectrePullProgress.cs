using System.Collections.Concurrent;
using Orleans.Sentiment.Hub;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Hub;

/// <summary>One Spectre progress bar per downloaded file; cached files appear as finished rows.</summary>
internal sealed class SpectrePullProgress(ProgressContext context) : IHubPullProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    public void FileStarted(string repoPath, long size, long alreadyHave)
    {
        var task = context.AddTask(Markup.Escape(repoPath), maxValue: Math.Max(size, 1));
        task.Value = alreadyHave;
        _tasks[repoPath] = task;
    }

    public void BytesReceived(string repoPath, long count)
    {
        if (_tasks.TryGetValue(repoPath, out var task))
        {
            task.Value = Math.Max(0, task.Value + count);
        }
    }

    public void FileCompleted(string repoPath, bool downloaded)
    {
        var task = _tasks.GetOrAdd(repoPath, path => context.AddTask($"{Markup.Escape(path)} [grey](cached)[/]", maxValue: 1));
        task.Value = task.MaxValue;
        task.StopTask();
    }
}

using Orleans.Sentiment.Hub;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Hub;

/// <summary>Shows a pull as Spectre bars on a terminal, or as plain lines on stderr when output is redirected.</summary>
internal static class PullProgressDisplay
{
    public static async Task<T> RunAsync<T>(string title, Func<IHubPullProgress, Task<T>> pull)
    {
        if (Console.IsOutputRedirected)
        {
            await Console.Error.WriteLineAsync($"pulling {title}").ConfigureAwait(false);
            return await pull(new PlainPullProgress(Console.Error)).ConfigureAwait(false);
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn())
            .StartAsync(context => pull(new SpectrePullProgress(context)))
            .ConfigureAwait(false);
    }
}

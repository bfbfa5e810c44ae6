using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>A progress bar on a terminal; plain lines when output is redirected, so logs stay readable.</summary>
internal static class Progress
{
    public static async Task RunAsync(string description, long total, Func<Action<long, string?>, Task> work)
    {
        if (Console.IsOutputRedirected)
        {
            long reported = 0;
            await work((done, note) =>
            {
                if (done == total || done - reported >= Math.Max(1, total / 10))
                {
                    reported = done;
                    Console.WriteLine($"{description}: {done}/{total}{(note is null ? "" : " " + note)}");
                }
            });
            return;
        }

        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, total));
                await work((done, note) =>
                {
                    task.Value = done;
                    if (note is not null)
                    {
                        task.Description = $"{description} {note}";
                    }
                });
            });
    }
}

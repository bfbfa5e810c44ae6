using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.HttpApi;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>Follows a training job until it finishes: a progress bar over its steps on a terminal, a line per change otherwise.</summary>
internal static class JobWatch
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static async Task<TrainingJobDto> FollowAsync(SiloApi api, string tenant, string id, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            string? last = null;
            return await PollAsync(api, tenant, id, job =>
            {
                var line = Describe(job);
                if (line != last)
                {
                    Console.WriteLine(line);
                    last = line;
                }
            }, cancellationToken);
        }

        TrainingJobDto? final = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"job {id}", maxValue: 1);
                final = await PollAsync(api, tenant, id, job =>
                {
                    task.Description = Markup.Escape(Describe(job));
                    if (job.Progress is { TotalSteps: > 0 } progress)
                    {
                        task.MaxValue = progress.TotalSteps;
                        task.Value = Math.Min(progress.Step, progress.TotalSteps);
                    }

                    if (IsFinished(job))
                    {
                        task.Value = task.MaxValue;
                    }
                }, cancellationToken);
            });
        return final!;
    }

    public static bool IsFinished(TrainingJobDto job) => job.State is "succeeded" or "failed" or "cancelled";

    /// <summary>One line: state, then progress while training or the reason otherwise.</summary>
    public static string Describe(TrainingJobDto job) => job switch
    {
        { State: "training", Progress: { } p } =>
            $"training (attempt {job.Attempt}): {p.Phase}, epoch {p.Epoch}, step {p.Step}/{p.TotalSteps}" +
            (p.Loss is { } loss ? $", loss {loss:0.000}" : "") + (p.ValidationMacroF1 is { } f1 ? $", validation macro-F1 {f1:0.000}" : ""),
        { Reason: { } reason } => $"{job.State}: {reason}",
        _ => job.State,
    };

    private static async Task<TrainingJobDto> PollAsync(SiloApi api, string tenant, string id, Action<TrainingJobDto> show, CancellationToken cancellationToken)
    {
        while (true)
        {
            var job = await api.GetJobAsync(tenant, id, cancellationToken);
            show(job);
            if (IsFinished(job))
            {
                return job;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}

using System.CommandLine;
using Orleans.Sentiment.Client.Http;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>jobs list|show|cancel</c>: a tenant's training jobs on the silo.</summary>
internal static class JobsCommand
{
    public static Command Create()
    {
        var command = new Command("jobs", "A tenant's training jobs: list them, show one (--watch follows it until done), cancel one.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Cancel());
        return command;
    }

    private static Command List()
    {
        var (tenant, url, apiKey) = Common();
        var limit = new Option<int>("--limit") { Description = "Most recent jobs to list (1..200).", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "The tenant's training jobs, newest first.") { tenant, limit, url, apiKey };
        command.SetAction((parse, cancellationToken) => JobCalls.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            var jobs = await api.ListJobsAsync(parse.GetValue(tenant)!, parse.GetValue(limit), cancellationToken);
            foreach (var job in jobs.Jobs)
            {
                AnsiConsole.WriteLine($"{job.JobId}  {job.Model}  version {job.VersionId}  {JobWatch.Describe(job)}");
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Show()
    {
        var (tenant, url, apiKey) = Common();
        var id = new Argument<string>("id") { Description = "The job id (as POST .../versions answered it)." };
        var watch = new Option<bool>("--watch") { Description = "Follow the job with a progress bar until it finishes." };
        var command = new Command("show", "A training job's state, progress and reason.") { id, tenant, watch, url, apiKey };
        command.SetAction((parse, cancellationToken) => JobCalls.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            var job = parse.GetValue(watch)
                ? await JobWatch.FollowAsync(api, parse.GetValue(tenant)!, parse.GetValue(id)!, cancellationToken)
                : await api.GetJobAsync(parse.GetValue(tenant)!, parse.GetValue(id)!, cancellationToken);
            AnsiConsole.WriteLine(JobWatch.Describe(job));
            return JobCalls.ExitCode(job);
        }, cancellationToken));
        return command;
    }

    private static Command Cancel()
    {
        var (tenant, url, apiKey) = Common();
        var id = new Argument<string>("id") { Description = "The job id." };
        var command = new Command("cancel", "Cancel a queued or running training job (its version fails as cancelled).") { id, tenant, url, apiKey };
        command.SetAction((parse, cancellationToken) => JobCalls.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            var job = await api.CancelJobAsync(parse.GetValue(tenant)!, parse.GetValue(id)!, cancellationToken);
            AnsiConsole.WriteLine(JobWatch.Describe(job));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static (Option<string> Tenant, Option<Uri> Url, Option<string?> ApiKey) Common() =>
        (new Option<string>("--tenant") { Description = "The tenant whose jobs these are.", Required = true }, SiloUrlOption.Create(), ApiKeyOption.Create());
}

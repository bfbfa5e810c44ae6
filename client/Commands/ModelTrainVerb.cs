using System.CommandLine;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>models train NAME</c>: train a new version of a tenant model in the cluster and follow its job until done.</summary>
internal static class ModelTrainVerb
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The tenant model to train a new version of." };
        var tenant = new Option<string>("--tenant") { Description = "The model's tenant.", Required = true };
        var method = new Option<string?>("--method") { Description = "auto (default), lora or head." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (default: chosen by the trainer for the data)." };
        var learningRate = new Option<double?>("--learning-rate") { Description = "Learning rate (default: the method's)." };
        var maxLength = new Option<int?>("--max-length") { Description = "Longest input in tokens (default: the method's)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the split and the training (default 42)." };
        var autoActivate = new Option<bool>("--activate") { Description = "Activate the version when it passes the evaluation gate." };
        var noWait = new Option<bool>("--no-wait") { Description = "Print the job id and return instead of following the job." };
        var url = SiloUrlOption.Create();
        var apiKey = ApiKeyOption.Create();
        var command = new Command("train", "Train a new version from the model's stored examples and corrections; shows a progress bar until the job finishes.")
        {
            name, tenant, method, epochs, learningRate, maxLength, seed, autoActivate, noWait, url, apiKey,
        };
        command.SetAction((parse, cancellationToken) => JobCalls.RunAsync(parse.GetValue(url)!, ApiKeyOption.Resolve(parse, apiKey), async api =>
        {
            var options = new JsonObject
            {
                ["method"] = parse.GetValue(method),
                ["epochs"] = parse.GetValue(epochs),
                ["learningRate"] = parse.GetValue(learningRate),
                ["maxLength"] = parse.GetValue(maxLength),
                ["seed"] = parse.GetValue(seed),
                ["autoActivate"] = parse.GetValue(autoActivate),
            };
            foreach (var absent in options.Where(o => o.Value is null).Select(o => o.Key).ToArray())
            {
                options.Remove(absent);
            }

            var tenantName = parse.GetValue(tenant)!;
            var jobId = await api.StartVersionAsync(tenantName, parse.GetValue(name)!, options, cancellationToken);
            AnsiConsole.WriteLine($"job {jobId}");
            if (parse.GetValue(noWait))
            {
                return 0;
            }

            var job = await JobWatch.FollowAsync(api, tenantName, jobId, cancellationToken);
            AnsiConsole.WriteLine($"version {job.VersionId}: {JobWatch.Describe(job)}");
            return JobCalls.ExitCode(job);
        }, cancellationToken));
        return command;
    }
}

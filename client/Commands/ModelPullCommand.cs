using System.CommandLine;
using Orleans.Sentiment.Client.Hub;
using Orleans.Sentiment.Hub;

namespace Orleans.Sentiment.Client.Commands;

/// <summary>
/// <c>model pull &lt;org/name&gt;</c>: downloads a model folder from the Hugging Face hub into the shared Hugging Face
/// cache and prints the snapshot folder, which <c>classify --model</c> and the silo accept.
/// </summary>
internal static class ModelPullCommand
{
    public static Command Create()
    {
        var repo = new Argument<string>("repo") { Description = "Hub model id, e.g. distilbert/distilbert-base-uncased-finetuned-sst-2-english." };
        var revision = new Option<string?>("--revision") { Description = "Branch, tag or commit hash (default: main)." };
        var files = new Option<string[]>("--file")
        {
            Description = "Fetch exactly the files matching this pattern (fnmatch: *, ?, [..]; a trailing / means a folder); repeatable. Default: the model folder (config, tokenizer files, ONNX graph).",
        };
        var variants = new Option<string[]>("--variant")
        {
            Description = "ONNX graph to fetch: default (model.onnx), quantized (model_quantized.onnx), or any NAME for model_NAME.onnx; repeatable.",
        };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Cache folder (default: HF_HUB_CACHE, else HF_HOME/hub, else ~/.cache/huggingface/hub)." };

        var command = new Command("pull",
            "Download a model from the Hugging Face hub into the Hugging Face cache (shared with Python tools) and print its folder. " +
            "Honours HF_ENDPOINT, HF_TOKEN, HF_HOME, HF_HUB_CACHE and HF_HUB_OFFLINE=1; resumes interrupted downloads and checks sizes and sha256.")
        {
            repo, revision, files, variants, cacheDir,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(repo)!, parse.GetValue(revision), parse.GetValue(files) ?? [], parse.GetValue(variants) ?? [], parse.GetValue(cacheDir), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string repoText, string? revision, string[] patterns, string[] variants, string? cacheDir, CancellationToken cancellationToken)
    {
        try
        {
            if (!HubRepoId.TryParse(repoText, out var repo))
            {
                throw new ArgumentException($"'{repoText}' is not a hub model id: expected 'org/name'.");
            }

            if (patterns.Length > 0 && variants.Length > 0)
            {
                throw new ArgumentException("--file and --variant cannot be combined: --file picks exact files, --variant picks the ONNX graph of a model folder.");
            }

            var settings = HubSettings.FromEnvironment();
            if (!string.IsNullOrWhiteSpace(cacheDir))
            {
                settings = settings with { CacheDirectory = Path.GetFullPath(cacheDir) };
            }

            var selection = patterns.Length > 0 ? HubFileSelection.Matching(patterns) : HubFileSelection.ModelFolder(variants);
            using var client = new HubApiClient(settings);
            var puller = new HubModelPuller(settings, client);
            var snapshot = await PullProgressDisplay.RunAsync(
                $"{repo}@{revision ?? HubModelPuller.DefaultRevision}",
                progress => puller.PullAsync(repo, revision, selection, progress, cancellationToken)).ConfigureAwait(false);

            if (snapshot.FromCache)
            {
                await Console.Error.WriteLineAsync(settings.Offline
                    ? $"Offline (HF_HUB_OFFLINE): using the cached snapshot {snapshot.CommitHash}."
                    : $"The hub could not be reached: using the cached snapshot {snapshot.CommitHash}.").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync($"{repo} {snapshot.Revision} -> {snapshot.CommitHash}: {snapshot.Files.Count} files").ConfigureAwait(false);
            // The folder alone on stdout, so scripts can capture it: MODEL=$(orleans-sentiment model pull org/name).
            Console.WriteLine(snapshot.Directory);
            return 0;
        }
        catch (Exception ex) when (ex is HubException or ArgumentException)
        {
            await Console.Error.WriteLineAsync($"model pull: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"model pull: cannot write the cache: {ex.Message} (set HF_HUB_CACHE or --cache-dir to a writable folder).").ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("model pull: cancelled; run it again to resume the partial download.").ConfigureAwait(false);
            return 130;
        }
    }
}

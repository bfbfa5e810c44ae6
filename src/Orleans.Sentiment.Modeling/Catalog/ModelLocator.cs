using Orleans.Sentiment.Hub;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.BuiltIn;
using Orleans.Sentiment.Modeling.Pretrained;

namespace Orleans.Sentiment.Modeling.Catalog;

/// <summary>
/// Turns a <see cref="ModelReference"/> into a local folder: built-in classifiers are built into the cache folder on
/// first use, <c>builtin:minilm</c> is extracted there, hub ids are pulled into the Hugging Face cache (what a classifier
/// or a base encoder needs), folders are checked. The silo and the CLI locate models through this one class.
/// </summary>
public sealed class ModelLocator(string? cacheDirectory = null, HubSettings? hub = null)
{
    /// <summary>Files a base encoder needs beside the model folder's config and tokenizer.</summary>
    private static readonly string[] BaseEncoderFiles = [.. HubFileSelection.ModelFolderFiles, "model.safetensors"];

    /// <summary>Where built-in models are built and extracted.</summary>
    public string CacheDirectory { get; } = string.IsNullOrEmpty(cacheDirectory) ? BuiltInModels.DefaultCacheDirectory : cacheDirectory;

    /// <summary>The folder of a classifier to load and run.</summary>
    /// <param name="reference">The model.</param>
    /// <param name="what">The setting or option that named it, for messages.</param>
    /// <param name="revision">Branch, tag or commit of a hub id.</param>
    /// <param name="variant">ONNX variant a hub pull fetches (null: model.onnx).</param>
    /// <param name="pull">Progress of a hub pull.</param>
    /// <param name="steps">One line per step of a first build (never comment text).</param>
    public async Task<string> LocateClassifierAsync(
        ModelReference reference, string what, string? revision = null, string? variant = null,
        IHubPullProgress? pull = null, IProgress<string>? steps = null, CancellationToken cancellationToken = default) => reference.Kind switch
    {
        ModelReferenceKind.BuiltIn => BuiltInModels.EnsureBuilt(CacheDirectory, steps, cancellationToken).Folder(reference.Value),
        ModelReferenceKind.BaseEncoder => throw new ModelFolderException(
            $"{what} '{reference}' is a base encoder for train --base, not a classifier; use {ModelReference.BuiltInPrefix}sentiment or {ModelReference.BuiltInPrefix}category."),
        ModelReferenceKind.Hub => await PullAsync(reference, revision, string.IsNullOrEmpty(variant) ? HubFileSelection.ModelFolder() : HubFileSelection.ModelFolder(variant), pull, cancellationToken).ConfigureAwait(false),
        _ => ExistingFolder(reference, what),
    };

    /// <summary>The folder of a pretrained encoder to fine-tune (config, tokenizer and <c>model.safetensors</c>).</summary>
    public async Task<string> LocateBaseEncoderAsync(
        ModelReference reference, string what, string? revision = null, IHubPullProgress? pull = null, IProgress<string>? steps = null,
        CancellationToken cancellationToken = default)
    {
        CheckBaseEncoder(reference, what);
        return reference.Kind switch
        {
            ModelReferenceKind.BaseEncoder => MiniLmModel.EnsureExtracted(CacheDirectory, steps),
            ModelReferenceKind.Hub => await PullAsync(reference, revision, HubFileSelection.Matching(BaseEncoderFiles), pull, cancellationToken).ConfigureAwait(false),
            _ => ExistingFolder(reference, what),
        };
    }

    /// <summary>
    /// What can be told of a base-encoder reference without building or pulling anything (start-up checks): a built-in
    /// classifier is refused, a folder must exist. Throws <see cref="ModelFolderException"/> naming <paramref name="what"/>.
    /// </summary>
    public static void CheckBaseEncoder(ModelReference reference, string what)
    {
        switch (reference.Kind)
        {
            case ModelReferenceKind.BuiltIn:
                throw new ModelFolderException(
                    $"{what} '{reference}' is a classifier, not a base encoder; use {ModelReference.BuiltInPrefix}{ModelReference.MiniLm}, a folder with model.safetensors or a hub id.");
            case ModelReferenceKind.Folder:
                ExistingFolder(reference, what);
                break;
        }
    }

    private async Task<string> PullAsync(ModelReference reference, string? revision, HubFileSelection files, IHubPullProgress? progress, CancellationToken cancellationToken)
    {
        var settings = hub ?? HubSettings.FromEnvironment();
        using var client = new HubApiClient(settings);
        var repo = HubRepoId.Parse(reference.Value);
        var snapshot = await new HubModelPuller(settings, client).PullAsync(repo, revision, files, progress, cancellationToken).ConfigureAwait(false);
        return snapshot.Directory;
    }

    private static string ExistingFolder(ModelReference reference, string what) => Directory.Exists(reference.Value)
        ? Path.GetFullPath(reference.Value)
        : throw new ModelFolderException(
            $"{what} '{reference.Value}' is not an existing folder. It reads as a path (not a hub id org/name), so nothing is downloaded; check the path.");
}

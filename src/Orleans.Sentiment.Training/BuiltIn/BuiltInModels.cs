using System.Globalization;
using System.Security.Cryptography;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Data;

namespace Orleans.Sentiment.Training.BuiltIn;

/// <summary>
/// The models a fresh installation uses when none is configured: a <c>sentiment</c> (negative/neutral/positive)
/// and a <c>category</c> model, trained with a fixed seed on the project's own corpus
/// (<c>data/builtin/feedback.csv</c>, embedded in this assembly). The result is cached under a folder named by a
/// hash of the corpus, the trainer version and the settings, so only the first start trains (a few seconds).
/// </summary>
public static class BuiltInModels
{
    public const string SentimentModelName = "sentiment";
    public const string CategoryModelName = "category";

    /// <summary>Bump when training or featurisation changes, so cached models are rebuilt.</summary>
    public const int TrainerVersion = 1;

    private const string ResourceName = "Orleans.Sentiment.Training.BuiltIn.feedback.csv";

    /// <summary>
    /// Fixed settings: small tables keep the folders a few MB and training to seconds; everything else is the
    /// trainer's default, so the built-in models are not tuned on any evaluation data.
    /// </summary>
    public static CompactOptions Options { get; } = new()
    {
        Dimensions = 32,
        BigramBuckets = 1 << 16,
        Seed = 20241127,
    };

    /// <summary>Prefix that names a built-in model where a model folder is expected: <c>builtin:sentiment</c>.</summary>
    public const string ReferencePrefix = "builtin:";

    /// <summary>Per-user cache: <c>~/.cache/orleans-sentiment/models</c> on Linux (LocalApplicationData).</summary>
    public static string DefaultCacheDirectory { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "orleans-sentiment", "models");

    /// <summary>
    /// Resolves <c>builtin:sentiment</c> or <c>builtin:category</c> to its folder (building it if needed);
    /// any other value is returned unchanged as a folder path.
    /// </summary>
    public static string ResolveFolder(string modelReference, string? cacheDirectory = null, IProgress<string>? progress = null)
    {
        if (!modelReference.StartsWith(ReferencePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return modelReference;
        }

        var name = modelReference[ReferencePrefix.Length..];
        var folders = EnsureBuilt(cacheDirectory ?? DefaultCacheDirectory, progress);
        return name.ToLowerInvariant() switch
        {
            SentimentModelName => folders.Sentiment,
            CategoryModelName => folders.Category,
            _ => throw new ArgumentException($"Unknown built-in model '{name}' (expected '{SentimentModelName}' or '{CategoryModelName}').", nameof(modelReference)),
        };
    }

    /// <summary>True when the corpus was embedded at build time.</summary>
    public static bool IsAvailable => typeof(BuiltInModels).Assembly.GetManifestResourceInfo(ResourceName) is not null;

    /// <summary>Returns the cached built-in models, training and caching them first if needed.</summary>
    /// <param name="cacheDirectory">Folder for the cache; created when missing.</param>
    /// <param name="progress">Receives one line per step (never comment text).</param>
    public static BuiltInModelFolders EnsureBuilt(string cacheDirectory, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var corpus = ReadCorpus();
        var folder = Path.Combine(Path.GetFullPath(cacheDirectory), "builtin-" + CacheKey(corpus));
        var result = new BuiltInModelFolders(Path.Combine(folder, SentimentModelName), Path.Combine(folder, CategoryModelName));
        if (Directory.Exists(folder))
        {
            progress?.Report($"Built-in models found in {folder}.");
            return result;
        }

        // Build beside the final folder and move it into place in one step, so a crash or a second process
        // never sees a half-written cache.
        var staging = folder + ".building-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        try
        {
            var corpusPath = Path.Combine(staging, "feedback.csv");
            File.WriteAllBytes(corpusPath, corpus);
            foreach (var (name, column) in new[] { (SentimentModelName, "sentiment"), (CategoryModelName, "category") })
            {
                progress?.Report($"Training the built-in {name} model on the embedded corpus...");
                var data = TrainingSetReader.Read(corpusPath, "text", column);
                var trained = new CompactTrainer(Options).Train(data.Examples, cancellationToken: cancellationToken);
                CompactModelWriter.Write(Path.Combine(staging, name), trained.Model, Options.MaxSequenceLength, new()
                {
                    ["engine"] = "compact",
                    ["corpus"] = "data/builtin/feedback.csv",
                    ["seed"] = Options.Seed,
                    ["best_epoch"] = trained.BestEpoch,
                    ["validation_macro_f1"] = Math.Round(trained.Validation.MacroF1, 4),
                });
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Built-in {name} model: validation macro-F1 {trained.Validation.MacroF1:0.000} on held-out corpus rows."));
            }

            File.Delete(corpusPath);
            try
            {
                Directory.Move(staging, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another process finished first; its models are identical (same corpus, seed and settings).
                Directory.Delete(staging, recursive: true);
            }
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        progress?.Report($"Built-in models cached in {folder}.");
        return result;
    }

    private static byte[] ReadCorpus()
    {
        using var stream = typeof(BuiltInModels).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The built-in corpus (data/builtin/feedback.csv) was not embedded when Orleans.Sentiment.Training was built.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string CacheKey(byte[] corpus)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(corpus);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"|trainer-v{TrainerVersion}|{Options}|{FeatureHashing.Multiplier}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}

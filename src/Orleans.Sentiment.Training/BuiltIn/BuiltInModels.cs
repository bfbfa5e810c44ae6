using System.Globalization;
using System.Security.Cryptography;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Data;

namespace Orleans.Sentiment.Training.BuiltIn;

/// <summary>
/// The models a fresh installation uses when none is configured: a <c>sentiment</c> (negative/neutral/positive)
/// and a <c>category</c> model, trained with a fixed seed on the project's own corpus
/// (<c>data/builtin/feedback.csv</c>, embedded in this assembly); the sentiment model also learns the hand-written
/// polar and neutral words and phrases of <c>data/builtin/sentiment-lexicon.csv</c>. The result is cached under a
/// folder named by a hash of both files, the trainer version and the settings, so only the first start trains
/// (a few seconds).
/// </summary>
public static class BuiltInModels
{
    public const string SentimentModelName = "sentiment";
    public const string CategoryModelName = "category";

    /// <summary>Bump when training or featurisation changes, so cached models are rebuilt.</summary>
    public const int TrainerVersion = 2;

    private const string CorpusResourceName = "Orleans.Sentiment.Training.BuiltIn.feedback.csv";

    private const string LexiconResourceName = "Orleans.Sentiment.Training.BuiltIn.sentiment-lexicon.csv";

    /// <summary>
    /// How many times each lexicon row joins the sentiment training data: about 770 short phrases against 5,000
    /// comments; twice gives polar words enough weight to survive mean pooling in long plain comments.
    /// </summary>
    public const int LexiconRepeats = 2;

    /// <summary>
    /// Fixed settings for both models: small tables keep the folders a few MB and training to seconds; everything
    /// else is the trainer's default. (Dropping bigrams or keeping every word scored better on the check set the
    /// lexicon was written against, but worse on a second set written afterwards, so neither is used.)
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

    /// <summary>True when the corpus and the sentiment lexicon were embedded at build time.</summary>
    public static bool IsAvailable =>
        typeof(BuiltInModels).Assembly.GetManifestResourceInfo(CorpusResourceName) is not null
        && typeof(BuiltInModels).Assembly.GetManifestResourceInfo(LexiconResourceName) is not null;

    /// <summary>Returns the cached built-in models, training and caching them first if needed.</summary>
    /// <param name="cacheDirectory">Folder for the cache; created when missing.</param>
    /// <param name="progress">Receives one line per step (never comment text).</param>
    public static BuiltInModelFolders EnsureBuilt(string cacheDirectory, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var corpus = ReadResource(CorpusResourceName);
        var lexicon = ReadResource(LexiconResourceName);
        var folder = Path.Combine(Path.GetFullPath(cacheDirectory), "builtin-" + CacheKey(corpus, lexicon));
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
            var lexiconPath = Path.Combine(staging, "sentiment-lexicon.csv");
            File.WriteAllBytes(corpusPath, corpus);
            File.WriteAllBytes(lexiconPath, lexicon);
            var lexiconExamples = TrainingSetReader.Read(lexiconPath, "text", "sentiment").Examples;
            var models = new (string Name, string Column, IReadOnlyList<LabeledExample> Extra)[]
            {
                (SentimentModelName, "sentiment", Enumerable.Repeat(lexiconExamples, LexiconRepeats).SelectMany(e => e).ToArray()),
                (CategoryModelName, "category", []),
            };
            foreach (var (name, column, extra) in models)
            {
                progress?.Report($"Training the built-in {name} model on the embedded corpus...");
                var data = TrainingSetReader.Read(corpusPath, "text", column).Examples.Concat(extra).ToArray();
                var trained = new CompactTrainer(Options).Train(data, cancellationToken: cancellationToken);
                CompactModelWriter.Write(Path.Combine(staging, name), trained.Model, Options.MaxSequenceLength, new()
                {
                    ["engine"] = "compact",
                    ["corpus"] = extra.Count > 0 ? "data/builtin/feedback.csv + data/builtin/sentiment-lexicon.csv" : "data/builtin/feedback.csv",
                    ["seed"] = Options.Seed,
                    ["best_epoch"] = trained.BestEpoch,
                    ["validation_macro_f1"] = Math.Round(trained.Validation.MacroF1, 4),
                });
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Built-in {name} model: validation macro-F1 {trained.Validation.MacroF1:0.000} on held-out corpus rows."));
            }

            File.Delete(corpusPath);
            File.Delete(lexiconPath);
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

    private static byte[] ReadResource(string resourceName)
    {
        using var stream = typeof(BuiltInModels).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The built-in training file {resourceName} was not embedded when Orleans.Sentiment.Training was built (data/builtin is missing).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Names the cache folder: changes with the corpus, the lexicon, the trainer version and every setting.</summary>
    internal static string CacheKey(byte[] corpus, byte[] lexicon)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(corpus);
        hash.AppendData(lexicon);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(
            $"|trainer-v{TrainerVersion}|lexicon-x{LexiconRepeats}|{Options}|{FeatureHashing.Multiplier}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}

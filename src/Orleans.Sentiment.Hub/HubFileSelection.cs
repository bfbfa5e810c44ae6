namespace Orleans.Sentiment.Hub;

/// <summary>
/// Which files of a repository a pull fetches: by default the model folder the runtime loads (config,
/// tokenizer files, one ONNX graph per variant with its external data), or exactly the files matching
/// user patterns.
/// </summary>
public sealed class HubFileSelection
{
    /// <summary>Variant name for the plain <c>model.onnx</c>.</summary>
    public const string DefaultVariant = "default";

    /// <summary>Config and tokenizer files of the layouts the runtime reads, at the repository root.</summary>
    public static IReadOnlyList<string> ModelFolderFiles { get; } =
    [
        "config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json",
        "vocab.txt", "vocab.json", "merges.txt",
    ];

    /// <summary>SentencePiece models of slow tokenizers (XLM-R, ALBERT, T5): never fetched, since only tokenizer.json is read.</summary>
    private static readonly string[] SentencePieceModels = ["sentencepiece.bpe.model", "spiece.model", "sentencepiece.model", "spm.model"];

    private readonly IReadOnlyList<RepoPathPattern> _patterns;
    private readonly IReadOnlyList<string> _variants;

    private HubFileSelection(IReadOnlyList<RepoPathPattern> patterns, IReadOnlyList<string> variants)
    {
        _patterns = patterns;
        _variants = variants;
    }

    /// <summary>The model folder with the given ONNX variants (<c>default</c> → model.onnx, <c>quantized</c> → model_quantized.onnx).</summary>
    public static HubFileSelection ModelFolder(params IEnumerable<string> variants)
    {
        var list = variants.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return new HubFileSelection([], list.Count == 0 ? [DefaultVariant] : list);
    }

    /// <summary>Exactly the files matching any of the patterns.</summary>
    public static HubFileSelection Matching(IEnumerable<string> patterns)
    {
        var list = patterns.Select(p => new RepoPathPattern(p)).ToList();
        return list.Count == 0 ? throw new ArgumentException("At least one file pattern is needed.", nameof(patterns)) : new HubFileSelection(list, []);
    }

    public bool IsModelFolder => _patterns.Count == 0;

    /// <summary>The files to fetch out of a repository's file list.</summary>
    /// <exception cref="HubException">Nothing usable matched (kind <see cref="HubErrorKind.Unusable"/>).</exception>
    public IReadOnlyList<string> Select(HubRepoId repo, IReadOnlyCollection<string> files)
    {
        if (!IsModelFolder)
        {
            var matched = files.Where(f => _patterns.Any(p => p.IsMatch(f))).ToList();
            return matched.Count > 0
                ? matched
                : throw new HubException(HubErrorKind.Unusable,
                    $"No file in '{repo}' matches {string.Join(", ", _patterns.Select(p => $"'{p.Text}'"))}; it has: {Describe(files)}.");
        }

        var selected = files.Where(f => ModelFolderFiles.Contains(f, StringComparer.Ordinal)).ToList();
        if (!selected.Contains("config.json"))
        {
            throw new HubException(HubErrorKind.Unusable, $"'{repo}' has no config.json at its root, so it is not a model folder; it has: {Describe(files)}.");
        }

        if (!selected.Any(f => f is "tokenizer.json" or "vocab.txt" or "vocab.json") && SentencePieceModels.FirstOrDefault(files.Contains) is { } sentencePiece)
        {
            throw new HubException(HubErrorKind.Unusable,
                $"'{repo}' has {sentencePiece} but no tokenizer.json, and SentencePiece .model files are not read. Export tokenizer.json with Python transformers: " +
                $"AutoTokenizer.from_pretrained(\"{repo}\").save_pretrained(DIR), or pull a copy that has it (onnx-community/..., Xenova/...).");
        }

        foreach (var variant in _variants)
        {
            selected.AddRange(SelectGraph(repo, variant, files));
        }

        return selected;
    }

    // optimum puts the graph at the root, transformers.js under onnx/; prefer onnx/ like the runtime does.
    private static IEnumerable<string> SelectGraph(HubRepoId repo, string variant, IReadOnlyCollection<string> files)
    {
        var name = variant == DefaultVariant ? "model.onnx" : $"model_{variant}.onnx";
        var graph = new[] { "onnx/" + name, name }.FirstOrDefault(files.Contains)
            ?? throw new HubException(HubErrorKind.Unusable,
                $"'{repo}' has no ONNX graph for variant '{variant}' (looked for onnx/{name} and {name}). " +
                (files.Any(f => f.EndsWith(".onnx", StringComparison.Ordinal))
                    ? $"Its ONNX files: {string.Join(", ", files.Where(f => f.EndsWith(".onnx", StringComparison.Ordinal)))}; pick one with --variant."
                    : $"Export it with `optimum-cli export onnx --model {repo} --task text-classification DIR`, or use an ONNX copy (onnx-community/..., Xenova/...)."));

        // Graphs over 2 GB keep their weights beside them (model.onnx_data, model.onnx.data, ...).
        return files.Where(f => f == graph || f.StartsWith(graph + "_data", StringComparison.Ordinal) || f.StartsWith(graph + ".data", StringComparison.Ordinal));
    }

    private static string Describe(IReadOnlyCollection<string> files) =>
        files.Count == 0 ? "no files" : string.Join(", ", files.Take(20)) + (files.Count > 20 ? $" and {files.Count - 20} more" : "");
}

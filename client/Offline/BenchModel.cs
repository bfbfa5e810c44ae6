using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Client.Offline;

/// <summary>
/// The model folder the benchmark runs: the one given, or a synthetic model of the chosen family written
/// once under <c>.models/bench/</c> with the real tokenizer from the shared data when it is there.
/// </summary>
internal static class BenchModel
{
    private static readonly IReadOnlyDictionary<string, string> SharedTokenizers = new Dictionary<string, string>
    {
        ["distilbert-base"] = "distilbert-base-uncased-finetuned-sst-2-english",
        ["bert-base"] = "distilbert-base-uncased-finetuned-sst-2-english",
        ["roberta-base"] = "twitter-roberta-base-sentiment-latest",
    };

    public static string Prepare(string arch, Action<string> log)
    {
        var tokenizer = SharedTokenizers.TryGetValue(arch, out var name) && SharedData.Find() is { } data && Path.Combine(data, "hf", name) is var folder && Directory.Exists(folder)
            ? folder
            : null;
        var root = SharedData.RepositoryRoot() ?? Path.GetTempPath();
        var directory = Path.Combine(root, ".models", "bench", $"{arch}-{(tokenizer is null ? "generated-vocab" : name)}");
        if (File.Exists(Path.Combine(directory, "onnx", "model.onnx")) && File.Exists(Path.Combine(directory, "config.json")))
        {
            return directory;
        }

        log($"Writing a synthetic {arch} model to {directory} (tokenizer: {(tokenizer is null ? "generated WordPiece vocabulary" : name)})...");
        SyntheticModelWriter.Write(directory, new SyntheticModelRequest(TransformerShape.Presets[arch], ["NEGATIVE", "POSITIVE"], tokenizer));
        return directory;
    }
}

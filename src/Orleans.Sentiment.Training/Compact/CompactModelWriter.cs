using System.Globalization;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling;

namespace Orleans.Sentiment.Training.Compact;

/// <summary>
/// Writes a trained compact model as a Hugging Face style folder: <c>onnx/model.onnx</c>, <c>config.json</c>,
/// <c>vocab.txt</c> + <c>tokenizer_config.json</c> and an equivalent <c>tokenizer.json</c>.
/// </summary>
public static class CompactModelWriter
{
    public const string ModelType = "compact-fasttext";

    public static void Write(string directory, CompactModel model, int maxSequenceLength, JsonObject? trainingInfo = null)
    {
        Directory.CreateDirectory(directory);
        CompactOnnxExporter.Save(model, ModelFolderWriter.OnnxPath(directory));
        var extra = new JsonObject
        {
            ["architectures"] = new JsonArray("CompactTextClassifier"),
            ["hidden_size"] = model.Dimensions,
            ["bigram_buckets"] = model.BigramBuckets,
            ["bigram_multiplier"] = FeatureHashing.Multiplier,
            ["vocab_size"] = model.Vocabulary.Count,
        };
        if (trainingInfo is not null)
        {
            extra["training"] = trainingInfo.DeepClone();
        }

        ModelFolderWriter.WriteConfig(directory, model.Labels, model.ProblemType, ModelType, extra);
        WriteTokenizerFiles(directory, model.Vocabulary, maxSequenceLength);
    }

    /// <summary>Writes <c>vocab.txt</c>, <c>tokenizer_config.json</c> and the equivalent <c>tokenizer.json</c>.</summary>
    public static void WriteTokenizerFiles(string directory, IReadOnlyList<string> vocabulary, int maxSequenceLength)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, "vocab.txt"), vocabulary);
        File.WriteAllText(
            Path.Combine(directory, "tokenizer_config.json"),
            string.Create(CultureInfo.InvariantCulture, $"{{\n  \"tokenizer_class\": \"BertTokenizer\",\n  \"do_lower_case\": true,\n  \"model_max_length\": {maxSequenceLength},\n  \"unk_token\": \"[UNK]\",\n  \"cls_token\": \"[CLS]\",\n  \"sep_token\": \"[SEP]\",\n  \"pad_token\": \"[PAD]\",\n  \"mask_token\": \"[MASK]\"\n}}\n"));
        HuggingFaceTokenizerJson.Write(Path.Combine(directory, "tokenizer.json"), vocabulary);
    }
}

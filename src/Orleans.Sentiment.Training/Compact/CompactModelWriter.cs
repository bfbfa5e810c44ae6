using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling;
using Orleans.Sentiment.Modeling.Tokenizers;

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
        WordPieceTokenizerFiles.Write(directory, model.Vocabulary, maxSequenceLength);
    }
}

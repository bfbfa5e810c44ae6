using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Training.Pretrained;

namespace Orleans.Sentiment.Training.Head;

/// <summary>
/// Writes a frozen encoder plus a trained head as one model folder: the graph writer's encoder, mean pooling and
/// the head (<c>pre_classifier</c> + ReLU when trained with a hidden layer, then <c>classifier</c>) in
/// <c>onnx/model.onnx</c>, the base model's tokenizer files and a config.json naming the labels.
/// </summary>
public static class HeadModelWriter
{
    public const string Architecture = "MeanPoolingSequenceClassifier";

    public static void Write(string directory, PretrainedEncoder encoder, IReadOnlyList<string> labels, ProblemType problemType, HeadClassifier head, JsonObject trainingInfo)
    {
        var weights = SentenceEmbedder.EncoderWeights(encoder, labels);
        var layers = head.Export();
        for (var l = 0; l < layers.Count; l++)
        {
            var (weight, outputs, inputs, bias) = layers[l];
            var name = l == layers.Count - 1 ? TransformerGraphWriter.MeanHeadOutput : TransformerGraphWriter.MeanHeadHidden;
            weights.Set(name + ".weight", new WeightTensor(weight, [outputs, inputs]));
            weights.Set(name + ".bias", new WeightTensor(bias, [outputs]));
        }

        PretrainedModelFolder.Write(directory, encoder, TransformerGraphWriter.Build(weights, TransformerHead.MeanPooling), labels, problemType, new JsonObject
        {
            ["architectures"] = new JsonArray(Architecture),
            ["pooling"] = "mean",
            ["head_hidden_size"] = layers.Count > 1 ? layers[0].Outputs : 0,
            ["training"] = trainingInfo,
        });
    }
}

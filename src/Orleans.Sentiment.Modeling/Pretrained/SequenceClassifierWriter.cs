using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Pretrained;

/// <summary>
/// Writes a fine-tuned encoder as the family's sequence classifier in the project's layout: the graph writer's
/// <c>onnx/model.onnx</c>, a config.json transformers recognises (<c>BertForSequenceClassification</c>, ...) and the
/// base model's tokenizer files (<see cref="PretrainedModelFolder"/>), with the special tokens transformers.js reads.
/// </summary>
public static class SequenceClassifierWriter
{
    public static void Write(string directory, PretrainedEncoder encoder, IReadOnlyDictionary<string, WeightTensor> weights, IReadOnlyList<string> labels, ProblemType problemType, string baseModelName, JsonObject trainingInfo)
    {
        var all = new SynthWeights(encoder.Shape, labels);
        foreach (var (name, tensor) in weights)
        {
            all.Set(name, tensor);
        }

        var graph = TransformerGraphWriter.Build(all, TransformerHead.SequenceClassification);
        PretrainedModelFolder.Write(directory, encoder, graph, labels, problemType, new JsonObject { ["_name_or_path"] = baseModelName, ["training"] = trainingInfo });
        SpecialTokenDefaults.Complete(directory, encoder.Shape.Family);
    }
}

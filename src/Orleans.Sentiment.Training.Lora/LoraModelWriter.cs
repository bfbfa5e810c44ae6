using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Training.Head;
using Orleans.Sentiment.Training.Pretrained;

namespace Orleans.Sentiment.Training.Lora;

/// <summary>
/// Writes the merged model (every LoRA target's W + (alpha/r)·B·A) in the project's layout, and <c>adapter/</c> in
/// PEFT's format: a first-token head as the family's sequence classifier (<see cref="SequenceClassifierWriter"/>), a
/// mean-pooled head as the graph writer's mean-pooling classifier (as <c>--method head</c> writes it).
/// </summary>
public static class LoraModelWriter
{
    public const string AdapterFolder = "adapter";

    public static void Write(string directory, PretrainedEncoder encoder, LoraClassifier model, IReadOnlyList<string> labels, ProblemType problemType, string baseModelName, JsonObject trainingInfo)
    {
        if (model.Options.Pooling == HeadPooling.Mean)
        {
            WriteMeanPooled(directory, encoder, model.MergedWeights(), labels, problemType, baseModelName, trainingInfo);
        }
        else
        {
            SequenceClassifierWriter.Write(directory, encoder, model.MergedWeights(), labels, problemType, baseModelName, trainingInfo);
        }

        PeftAdapterWriter.Write(Path.Combine(directory, AdapterFolder), model, baseModelName);
    }

    private static void WriteMeanPooled(string directory, PretrainedEncoder encoder, IReadOnlyDictionary<string, WeightTensor> merged, IReadOnlyList<string> labels, ProblemType problemType, string baseModelName, JsonObject trainingInfo)
    {
        var weights = new SynthWeights(encoder.Shape, labels);
        foreach (var (name, tensor) in merged)
        {
            weights.Set(name, tensor);
        }

        PretrainedModelFolder.Write(directory, encoder, TransformerGraphWriter.Build(weights, TransformerHead.MeanPooling), labels, problemType, new JsonObject
        {
            ["_name_or_path"] = baseModelName,
            ["architectures"] = new JsonArray(HeadModelWriter.Architecture),
            ["pooling"] = "mean",
            ["head_hidden_size"] = 0,
            ["training"] = trainingInfo,
        });
        SpecialTokenDefaults.Complete(directory, encoder.Shape.Family);
    }
}

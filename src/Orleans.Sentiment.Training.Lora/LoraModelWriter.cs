using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Training.Pretrained;

namespace Orleans.Sentiment.Training.Lora;

/// <summary>
/// Writes the merged model (every LoRA target's W + (alpha/r)·B·A) as the family's sequence classifier in the
/// project's layout (<see cref="SequenceClassifierWriter"/>), and <c>adapter/</c> in PEFT's format.
/// </summary>
public static class LoraModelWriter
{
    public const string AdapterFolder = "adapter";

    public static void Write(string directory, PretrainedEncoder encoder, LoraClassifier model, IReadOnlyList<string> labels, ProblemType problemType, string baseModelName, JsonObject trainingInfo)
    {
        SequenceClassifierWriter.Write(directory, encoder, model.MergedWeights(), labels, problemType, baseModelName, trainingInfo);
        PeftAdapterWriter.Write(Path.Combine(directory, AdapterFolder), model, baseModelName);
    }
}

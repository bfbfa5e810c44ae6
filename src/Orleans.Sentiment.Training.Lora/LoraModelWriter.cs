using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Training.Lora;

/// <summary>
/// Writes the merged model (every LoRA target's W + (alpha/r)·B·A) as the family's sequence classifier in the
/// project's layout: the graph writer's <c>onnx/model.onnx</c>, a config.json transformers recognises
/// (<c>BertForSequenceClassification</c>, ...), the base model's tokenizer files, and <c>adapter/</c> in PEFT's format.
/// </summary>
public static class LoraModelWriter
{
    public const string AdapterFolder = "adapter";

    public static void Write(string directory, PretrainedEncoder encoder, LoraClassifier model, IReadOnlyList<string> labels, ProblemType problemType, string baseModelName, JsonObject trainingInfo)
    {
        var weights = new SynthWeights(encoder.Shape, labels);
        foreach (var (name, tensor) in model.MergedWeights())
        {
            weights.Set(name, tensor);
        }

        Directory.CreateDirectory(directory);
        var onnx = ModelFolderWriter.OnnxPath(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(onnx)!);
        File.WriteAllBytes(onnx, TransformerGraphWriter.Build(weights, TransformerHead.SequenceClassification));
        TokenizerFiles.Copy(encoder.Directory, directory);
        SpecialTokenDefaults.Complete(directory, encoder.Shape.Family);
        var fields = HuggingFaceConfigFields.For(encoder.Shape);
        fields["_name_or_path"] = baseModelName;
        fields["training"] = trainingInfo;
        ModelFolderWriter.WriteConfig(directory, labels, problemType, HuggingFaceConfigFields.ModelType(encoder.Shape.Family), fields);
        PeftAdapterWriter.Write(Path.Combine(directory, AdapterFolder), model, baseModelName);
    }
}

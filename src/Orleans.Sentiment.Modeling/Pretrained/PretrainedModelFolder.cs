using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Pretrained;

/// <summary>
/// The files every model trained on a pretrained encoder writes: the graph as <c>onnx/model.onnx</c>, the base model's
/// tokenizer files, and a config.json with the encoder's fields, the labels and the caller's own fields.
/// </summary>
public static class PretrainedModelFolder
{
    public static void Write(string directory, PretrainedEncoder encoder, byte[] graph, IReadOnlyList<string> labels, ProblemType problemType, JsonObject fields)
    {
        var onnx = ModelFolderWriter.OnnxPath(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(onnx)!);
        File.WriteAllBytes(onnx, graph);
        TokenizerFiles.Copy(encoder.Directory, directory);
        var config = HuggingFaceConfigFields.For(encoder.Shape);
        foreach (var (name, value) in fields)
        {
            config[name] = value?.DeepClone();
        }

        ModelFolderWriter.WriteConfig(directory, labels, problemType, HuggingFaceConfigFields.ModelType(encoder.Shape.Family), config);
    }
}

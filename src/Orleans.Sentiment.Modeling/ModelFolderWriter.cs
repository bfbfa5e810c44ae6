using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Modeling;

/// <summary>Writes the files of a Hugging Face style model folder, so one loader serves every model.</summary>
public static class ModelFolderWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes <c>config.json</c> with id2label/label2id and, for multi-label models, the problem type.</summary>
    public static void WriteConfig(string directory, IReadOnlyList<string> labels, ProblemType problemType, string modelType, JsonObject? extra = null)
    {
        var id2Label = new JsonObject();
        var label2Id = new JsonObject();
        for (var i = 0; i < labels.Count; i++)
        {
            id2Label[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = labels[i];
            label2Id[labels[i]] = i;
        }

        var config = extra?.DeepClone().AsObject() ?? new JsonObject();
        config["model_type"] = modelType;
        config["id2label"] = id2Label;
        config["label2id"] = label2Id;
        if (problemType == ProblemType.MultiLabel)
        {
            config["problem_type"] = "multi_label_classification";
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, ModelConfig.FileName), config.ToJsonString(Indented) + "\n");
    }

    /// <summary>Path of the ONNX graph in the optimum layout.</summary>
    public static string OnnxPath(string directory) => Path.Combine(directory, "onnx", "model.onnx");
}

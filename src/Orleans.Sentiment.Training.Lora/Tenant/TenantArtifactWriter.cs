using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Training.Head;

namespace Orleans.Sentiment.Training.Lora.Tenant;

/// <summary>
/// A tenant model version's files: PEFT's adapter config and safetensors (LoRA matrices and head, or the head only)
/// and <see cref="AdapterArtifact.HeadConfigFileName"/> naming the labels in id order, the problem type and the pooling.
/// </summary>
public static class TenantArtifactWriter
{
    public static AdapterArtifact FromLora(LoraClassifier model, IReadOnlyList<string> labels, bool multiLabel, string baseModel) =>
        Artifact(PeftAdapterWriter.Config(model, baseModel), PeftAdapterWriter.Tensors(model), labels, multiLabel, model.Options.Pooling);

    /// <summary>A head trained on the frozen encoder's mean-pooled embeddings: no LoRA tensor, the head's layers as PEFT head tensors.</summary>
    public static AdapterArtifact FromHead(HeadClassifier head, IReadOnlyList<string> labels, bool multiLabel, string baseModel)
    {
        var layers = head.Export();
        var names = layers.Select((_, l) => l == layers.Count - 1 ? TransformerGraphWriter.MeanHeadOutput : TransformerGraphWriter.MeanHeadHidden).ToList();
        var tensors = layers.SelectMany((layer, l) => new KeyValuePair<string, WeightTensor>[]
        {
            new(PeftAdapterWriter.KeyPrefix + names[l] + ".weight", new WeightTensor(layer.Weight, [layer.Outputs, layer.Inputs])),
            new(PeftAdapterWriter.KeyPrefix + names[l] + ".bias", new WeightTensor(layer.Bias, [layer.Outputs])),
        }).ToList();
        var config = PeftAdapterWriter.Config(new LoraOptions(), [], names, baseModel);
        return Artifact(config, tensors, labels, multiLabel, HeadPooling.Mean);
    }

    public static JsonObject HeadConfig(IReadOnlyList<string> labels, bool multiLabel, HeadPooling pooling) => new()
    {
        ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)l)]),
        ["problem_type"] = multiLabel ? "multi_label_classification" : "single_label_classification",
        ["pooling"] = pooling == HeadPooling.Mean ? "mean" : "cls",
        ["normalize"] = false,
    };

    private static AdapterArtifact Artifact(JsonObject config, IEnumerable<KeyValuePair<string, WeightTensor>> tensors, IReadOnlyList<string> labels, bool multiLabel, HeadPooling pooling) =>
        new(new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [PeftAdapterWriter.ConfigFileName] = Json(config),
            [PeftAdapterWriter.WeightsFileName] = Safetensors(tensors),
            [AdapterArtifact.HeadConfigFileName] = Json(HeadConfig(labels, multiLabel, pooling)),
        });

    private static byte[] Json(JsonObject value) =>
        System.Text.Encoding.UTF8.GetBytes(value.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    /// <summary>The safetensors writer writes files; the bytes go through a temporary one.</summary>
    private static byte[] Safetensors(IEnumerable<KeyValuePair<string, WeightTensor>> tensors)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tenant-adapter-{Guid.NewGuid():N}.safetensors");
        try
        {
            SafetensorsFile.Write(path, tensors, new Dictionary<string, string> { ["format"] = "pt" });
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

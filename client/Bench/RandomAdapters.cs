using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Client.Bench;

/// <summary>
/// Tenant model artifacts with random weights in the trainer's layout (PEFT LoRA on query/value at r=8, alpha 16, and
/// the family's sequence-classification head saved whole), to measure serving without training a hundred models.
/// </summary>
internal static class RandomAdapters
{
    public static AdapterArtifact Write(string directory, TransformerShape shape, IReadOnlyList<string> labels, int seed)
    {
        var names = new ParameterNames(shape.Family);
        var random = new Random(seed);
        WeightTensor Draw(double scale, params int[] dims)
        {
            var data = new float[dims.Aggregate(1, (p, d) => p * d)];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = (float)((random.NextDouble() * 2 - 1) * scale);
            }

            return new WeightTensor(data, dims);
        }

        var layout = LoraBankLayout.QueryValue(shape);
        var tensors = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        foreach (var module in layout.Modules)
        {
            tensors[PeftAdapter.KeyPrefix + module + ".lora_A.weight"] = Draw(0.05, layout.Rank, shape.Hidden);
            tensors[PeftAdapter.KeyPrefix + module + ".lora_B.weight"] = Draw(0.05, shape.Hidden, layout.Rank);
        }

        foreach (var (module, outputs) in new[] { (names.HeadDense, shape.Hidden), (names.HeadOutput, labels.Count) })
        {
            tensors[PeftAdapter.KeyPrefix + module + ".weight"] = Draw(0.05, outputs, shape.Hidden);
            tensors[PeftAdapter.KeyPrefix + module + ".bias"] = Draw(0.05, outputs);
        }

        Directory.CreateDirectory(directory);
        SafetensorsFile.Write(Path.Combine(directory, PeftAdapter.WeightsFileName), tensors);
        File.WriteAllText(Path.Combine(directory, PeftAdapter.ConfigFileName), new JsonObject
        {
            ["peft_type"] = "LORA", ["task_type"] = "SEQ_CLS", ["r"] = layout.Rank, ["lora_alpha"] = 16,
            ["target_modules"] = new JsonArray("query", "value"),
        }.ToJsonString());
        File.WriteAllText(Path.Combine(directory, AdapterArtifact.HeadConfigFileName), new JsonObject
        {
            ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)l)]), ["problem_type"] = "single_label_classification", ["pooling"] = "cls", ["normalize"] = false,
        }.ToJsonString());
        return new AdapterArtifact(Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal));
    }
}

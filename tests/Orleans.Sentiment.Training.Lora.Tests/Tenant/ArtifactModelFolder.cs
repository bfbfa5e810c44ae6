using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Training.Lora.Tests.Tenant;

/// <summary>
/// Turns a tenant artifact into a whole ONNX model folder the way a reader of the contract would, independently of the
/// trainer: PEFT's files read by <see cref="PeftAdapter"/> and merged onto the base, then the head head_config.json
/// names (the family's first-token head, or mean pooling then the classifier) built by the graph writer.
/// </summary>
internal static class ArtifactModelFolder
{
    public static void Write(AdapterArtifact artifact, string baseFolder, string directory)
    {
        var adapterDirectory = Path.Combine(directory, "adapter");
        Directory.CreateDirectory(adapterDirectory);
        foreach (var (name, bytes) in artifact.Files)
        {
            File.WriteAllBytes(Path.Combine(adapterDirectory, name), bytes);
        }

        var head = JsonNode.Parse(artifact.Files[AdapterArtifact.HeadConfigFileName])!.AsObject();
        string[] labels = [.. head["labels"]!.AsArray().Select(l => l!.GetValue<string>())];
        var mean = head["pooling"]!.GetValue<string>() == "mean";
        var problemType = head["problem_type"]!.GetValue<string>() == "multi_label_classification" ? ProblemType.MultiLabel : ProblemType.SingleLabel;
        var encoder = PretrainedEncoder.Load(baseFolder);
        var adapter = PeftAdapter.Read(adapterDirectory);
        var names = new ParameterNames(encoder.Shape.Family);
        var tensors = adapter.Tensors.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var placeholders = new List<string>();
        if (mean)
        {
            // Merge insists on the first-token head's tensors; a mean-pooled artifact has none, so it gets unused zeros.
            foreach (var (module, outputs) in new[] { (names.HeadDense, encoder.Shape.Hidden), (names.HeadOutput, labels.Length) })
            {
                foreach (var (suffix, shape) in new[] { (".weight", new[] { outputs, encoder.Shape.Hidden }), (".bias", new[] { outputs }) })
                {
                    if (tensors.TryAdd(module + suffix, new WeightTensor(new float[shape.Aggregate(1, (a, b) => a * b)], shape)))
                    {
                        placeholders.Add(module + suffix);
                    }
                }
            }
        }

        var merged = (adapter with { Tensors = tensors }).Merge(encoder);
        var weights = new SynthWeights(encoder.Shape, labels);
        foreach (var (name, tensor) in merged.Where(p => !placeholders.Contains(p.Key)))
        {
            weights.Set(name, tensor);
        }

        var graph = TransformerGraphWriter.Build(weights, mean ? TransformerHead.MeanPooling : TransformerHead.SequenceClassification);
        PretrainedModelFolder.Write(directory, encoder, graph, labels, problemType, []);
    }
}

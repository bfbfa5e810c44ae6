using System.Text;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.BuiltIn;

/// <summary>
/// Turns one shipped adapter folder (<c>config.json</c> naming the labels, <c>adapter/</c> in PEFT's format) into a
/// model folder: merged onto the encoder, with label priors added to the classifier's bias. The adapter is copied
/// into the model folder unchanged (without the priors), so Python PEFT can load the same fine-tuning.
/// </summary>
internal static class BuiltInAdapterModel
{
    public static void Write(string directory, PretrainedEncoder encoder, IReadOnlyDictionary<string, byte[]> files, IReadOnlyDictionary<string, float> logitShifts, string trainedFrom)
    {
        var adapterFolder = Path.Combine(directory, "adapter");
        Directory.CreateDirectory(adapterFolder);
        foreach (var (file, bytes) in files.Where(f => f.Key.StartsWith("adapter/", StringComparison.Ordinal)))
        {
            File.WriteAllBytes(Path.Combine(directory, file), bytes);
        }

        var configText = Encoding.UTF8.GetString(files["config.json"]);
        var labels = ModelConfig.Parse(configText, "the built-in adapter's config.json").Labels.ToList();
        var config = JsonNode.Parse(configText)!.AsObject();
        var adapter = PeftAdapter.Read(adapterFolder);
        var names = new ParameterNames(encoder.Shape.Family);
        if (adapter.OutputCount(names) != labels.Count)
        {
            throw new InvalidDataException($"The built-in adapter's head has {adapter.OutputCount(names)} outputs, its config.json names {labels.Count} labels.");
        }

        var weights = adapter.Merge(encoder);
        var biasName = names.HeadOutput + ".bias";
        var bias = (float[])weights[biasName].Data.Clone();
        foreach (var (label, shift) in logitShifts)
        {
            var index = labels.IndexOf(label);
            if (index >= 0)
            {
                bias[index] += shift;
            }
        }

        weights[biasName] = new WeightTensor(bias, [bias.Length]);
        var training = config["training"]?.DeepClone().AsObject() ?? [];
        training["corpus"] = trainedFrom;
        training["logit_shifts"] = new JsonObject(logitShifts.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        SequenceClassifierWriter.Write(directory, encoder, weights, labels, ProblemType.SingleLabel, (string?)config["_name_or_path"] ?? MiniLmModel.Reference, training);
    }
}

using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Pretrained;

/// <summary>
/// A PEFT LoRA adapter of a sequence classifier (<c>adapter_config.json</c> + <c>adapter_model.safetensors</c>), as
/// <c>train --method lora</c> writes it and Python PEFT saves it, merged onto its base encoder in plain C#: every
/// target's W + (alpha/r)·B·A, and the fully trained head (<c>modules_to_save</c>) taken as saved. No libtorch, so the
/// silo can build a LoRA-tuned model from a base folder and a small adapter.
/// </summary>
public sealed record PeftAdapter(int Rank, float Alpha, IReadOnlyDictionary<string, WeightTensor> Tensors)
{
    public const string ConfigFileName = "adapter_config.json";
    public const string WeightsFileName = "adapter_model.safetensors";
    public const string KeyPrefix = "base_model.model.";
    private const string LoraA = ".lora_A.weight";
    private const string LoraB = ".lora_B.weight";

    public float Scaling => Alpha / Rank;

    public static PeftAdapter Read(string directory)
    {
        var configPath = Path.Combine(directory, ConfigFileName);
        var weightsPath = Path.Combine(directory, WeightsFileName);
        if (!File.Exists(configPath) || !File.Exists(weightsPath))
        {
            throw new InvalidDataException($"Adapter folder '{directory}' needs {ConfigFileName} and {WeightsFileName}.");
        }

        var config = JsonNode.Parse(File.ReadAllText(configPath))?.AsObject() ?? throw new InvalidDataException($"{configPath} is empty.");
        Require(config, configPath, "peft_type", "LORA");
        Require(config, configPath, "task_type", "SEQ_CLS");
        if (config["use_dora"]?.GetValue<bool>() == true || config["use_rslora"]?.GetValue<bool>() == true)
        {
            throw new InvalidDataException($"{configPath}: DoRA and rsLoRA adapters are not supported (plain LoRA only).");
        }

        var rank = config["r"]?.GetValue<int>() ?? 0;
        var alpha = config["lora_alpha"]?.GetValue<float>() ?? 0;
        if (rank <= 0 || alpha <= 0)
        {
            throw new InvalidDataException($"{configPath}: r and lora_alpha must be positive (r={rank}, lora_alpha={alpha}).");
        }

        var tensors = SafetensorsFile.Read(weightsPath);
        var stray = tensors.Keys.FirstOrDefault(k => !k.StartsWith(KeyPrefix, StringComparison.Ordinal));
        if (stray is not null)
        {
            throw new InvalidDataException($"{weightsPath}: tensor '{stray}' does not start with '{KeyPrefix}' (not a PEFT adapter file).");
        }

        return new PeftAdapter(rank, alpha, tensors.ToDictionary(p => p.Key[KeyPrefix.Length..], p => p.Value, StringComparer.Ordinal));
    }

    /// <summary>The head's output rows (one per label).</summary>
    public int OutputCount(ParameterNames names) =>
        Tensors.TryGetValue(names.HeadOutput + ".bias", out var bias) ? bias.Shape[0] : throw new InvalidDataException($"The adapter has no trained head ({names.HeadOutput}.bias).");

    /// <summary>Every weight of the merged sequence classifier, by Hugging Face name.</summary>
    public Dictionary<string, WeightTensor> Merge(PretrainedEncoder encoder)
    {
        var names = new ParameterNames(encoder.Shape.Family);
        var merged = PretrainedEncoder.EncoderParameterNames(encoder.Shape, names).ToDictionary(n => n, n => encoder.Weights[n], StringComparer.Ordinal);
        foreach (var (name, tensor) in Tensors)
        {
            if (name.EndsWith(LoraA, StringComparison.Ordinal))
            {
                var module = name[..^LoraA.Length];
                merged[module + ".weight"] = MergeLinear(module, merged, tensor);
            }
            else if (!name.EndsWith(LoraB, StringComparison.Ordinal))
            {
                merged[name] = tensor;
            }
        }

        var head = new[] { names.HeadDense, names.HeadOutput }.SelectMany(m => new[] { m + ".weight", m + ".bias" }).Where(n => !merged.ContainsKey(n)).ToList();
        return head.Count == 0 ? merged : throw new InvalidDataException($"The adapter lacks head weight(s) {string.Join(", ", head)}.");
    }

    private WeightTensor MergeLinear(string module, Dictionary<string, WeightTensor> merged, WeightTensor a)
    {
        if (!merged.TryGetValue(module + ".weight", out var w) || !Tensors.TryGetValue(module + LoraB, out var b))
        {
            throw new InvalidDataException($"Adapter module '{module}' has no matching base weight or lora_B.");
        }

        int outputs = w.Shape[0], inputs = w.Shape[1];
        if (a.Shape[0] != Rank || a.Shape[1] != inputs || b.Shape[0] != outputs || b.Shape[1] != Rank)
        {
            throw new InvalidDataException($"Adapter module '{module}': lora_A [{string.Join(", ", a.Shape)}] and lora_B [{string.Join(", ", b.Shape)}] do not fit weight [{outputs}, {inputs}] at r={Rank}.");
        }

        var data = (float[])w.Data.Clone();
        for (var o = 0; o < outputs; o++)
        {
            for (var k = 0; k < Rank; k++)
            {
                var scaled = Scaling * b.Data[(o * Rank) + k];
                var row = o * inputs;
                var aRow = k * inputs;
                for (var i = 0; i < inputs; i++)
                {
                    data[row + i] += scaled * a.Data[aRow + i];
                }
            }
        }

        return new WeightTensor(data, [outputs, inputs]);
    }

    private static void Require(JsonObject config, string path, string field, string expected)
    {
        var value = config[field]?.GetValue<string>();
        if (!string.Equals(value, expected, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: {field} is '{value}', expected '{expected}'.");
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Training.Pretrained;

namespace Orleans.Sentiment.Training.Lora;

/// <summary>
/// Writes <c>adapter_config.json</c> and <c>adapter_model.safetensors</c> as PEFT's <c>save_pretrained</c> does, so
/// <c>PeftModel.from_pretrained(AutoModelForSequenceClassification.from_pretrained(base, num_labels=N), dir)</c>
/// loads them: LoRA matrices as <c>base_model.model.{module}.lora_A.weight</c> / <c>lora_B.weight</c> and the fully
/// trained head (<c>modules_to_save</c>) as <c>base_model.model.{module}.weight</c> / <c>.bias</c>. <see cref="PeftAdapter"/>
/// reads them back.
/// </summary>
public static class PeftAdapterWriter
{
    public const string ConfigFileName = PeftAdapter.ConfigFileName;
    public const string WeightsFileName = PeftAdapter.WeightsFileName;
    public const string KeyPrefix = PeftAdapter.KeyPrefix;

    public static void Write(string directory, LoraClassifier model, string baseModelName)
    {
        Directory.CreateDirectory(directory);
        SafetensorsFile.Write(Path.Combine(directory, WeightsFileName), Tensors(model), new Dictionary<string, string> { ["format"] = "pt" });
        File.WriteAllText(Path.Combine(directory, ConfigFileName), Config(model, baseModelName).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    public static IEnumerable<KeyValuePair<string, WeightTensor>> Tensors(LoraClassifier model)
    {
        foreach (var (module, (a, b)) in model.Adapters)
        {
            yield return new(KeyPrefix + module + ".lora_A.weight", LoraClassifier.ToWeightTensor(a));
            yield return new(KeyPrefix + module + ".lora_B.weight", LoraClassifier.ToWeightTensor(b));
        }

        foreach (var (name, parameter) in model.HeadParameters)
        {
            yield return new(KeyPrefix + name, LoraClassifier.ToWeightTensor(parameter));
        }
    }

    public static JsonObject Config(LoraClassifier model, string baseModelName)
    {
        var options = model.Options;
        var family = model.Shape.Family;
        return Config(options, options.TargetModules ?? LoraTargets.DefaultTargets(family), LoraTargets.ModulesToSave(family, options.Pooling), baseModelName);
    }

    /// <summary>The config of an adapter with these LoRA settings; a head-only adapter names no target and carries no LoRA tensor.</summary>
    public static JsonObject Config(LoraOptions options, IReadOnlyList<string> targetModules, IReadOnlyList<string> modulesToSave, string baseModelName) =>
        new()
        {
            ["alpha_pattern"] = new JsonObject(),
            ["auto_mapping"] = null,
            ["base_model_name_or_path"] = baseModelName,
            ["bias"] = "none",
            ["fan_in_fan_out"] = false,
            ["inference_mode"] = true,
            ["init_lora_weights"] = true,
            ["layer_replication"] = null,
            ["layers_pattern"] = null,
            ["layers_to_transform"] = null,
            ["loftq_config"] = new JsonObject(),
            ["lora_alpha"] = options.Alpha,
            ["lora_dropout"] = options.Dropout,
            ["megatron_config"] = null,
            ["megatron_core"] = "megatron.core",
            ["modules_to_save"] = new JsonArray([.. modulesToSave.Select(m => (JsonNode)m)]),
            ["peft_type"] = "LORA",
            ["r"] = options.Rank,
            ["rank_pattern"] = new JsonObject(),
            ["revision"] = null,
            ["target_modules"] = new JsonArray([.. targetModules.Select(m => (JsonNode)m)]),
            ["task_type"] = "SEQ_CLS",
            ["use_dora"] = false,
            ["use_rslora"] = false,
        };
}

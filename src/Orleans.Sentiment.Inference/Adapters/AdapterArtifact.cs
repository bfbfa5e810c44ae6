namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// The files of one tenant model version, as a folder on disk would hold them: the PEFT LoRA adapter
/// (<c>adapter_config.json</c> + <c>adapter_model.safetensors</c>; a head-only version has no lora_A/lora_B tensors)
/// and <see cref="HeadConfigFileName"/> (labels, problem type, pooling).
/// </summary>
public sealed record AdapterArtifact(IReadOnlyDictionary<string, byte[]> Files)
{
    public const string HeadConfigFileName = "head_config.json";
    public const string AdapterConfigFileName = "adapter_config.json";
    public const string AdapterWeightsFileName = "adapter_model.safetensors";

    /// <summary>A file's bytes, or an error naming the missing file.</summary>
    public byte[] Require(string fileName) =>
        Files.TryGetValue(fileName, out var bytes) ? bytes : throw new InvalidDataException($"The adapter artifact has no {fileName} (files: {string.Join(", ", Files.Keys)}).");
}

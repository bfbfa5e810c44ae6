namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// The files of one tenant model version, by name, as they would lie in a folder: PEFT's <c>adapter_config.json</c>
/// and <c>adapter_model.safetensors</c> plus <see cref="HeadConfigFileName"/>.
/// </summary>
public sealed record AdapterArtifact(IReadOnlyDictionary<string, byte[]> Files)
{
    public const string HeadConfigFileName = "head_config.json";
}

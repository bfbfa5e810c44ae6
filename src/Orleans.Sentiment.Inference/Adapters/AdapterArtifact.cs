namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>A tenant model version's files (PEFT adapter, head config), by file name, as a folder on disk would hold them.</summary>
public sealed record AdapterArtifact(IReadOnlyDictionary<string, byte[]> Files)
{
    public const string HeadConfigFileName = "head_config.json";
}

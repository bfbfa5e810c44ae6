namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>One version of a tenant model: its qualified name ("tenant:model"), its id and the base model it adapts.</summary>
/// <param name="Name">"tenant:model".</param>
/// <param name="VersionId">The version; the same id always has the same artifact.</param>
/// <param name="BaseModel">A model reference as the CLI accepts (<c>builtin:minilm</c> by default).</param>
public sealed record AdapterModelVersion(string Name, string VersionId, string BaseModel);

namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>A tenant model resolved for a call: its qualified name, the shared encoder of its base, and its active version decoded.</summary>
public sealed record TenantModelRun(string Name, AdapterEncoderSession Encoder, TenantAdapter Adapter);

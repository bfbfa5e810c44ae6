namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>A named tenant model cannot serve (no active version, no model source): each text naming it fails with this reason.</summary>
public sealed class TenantModelUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

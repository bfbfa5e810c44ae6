namespace Orleans.Sentiment.Modeling.Quantization;

/// <summary>A graph cannot be quantized; the message says why and what to do.</summary>
public sealed class QuantizationException(string message) : Exception(message);

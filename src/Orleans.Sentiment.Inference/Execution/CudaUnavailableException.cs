namespace Orleans.Sentiment.Inference.Execution;

/// <summary>The CUDA execution provider was asked for but cannot run here; the message names what is missing.</summary>
public sealed class CudaUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

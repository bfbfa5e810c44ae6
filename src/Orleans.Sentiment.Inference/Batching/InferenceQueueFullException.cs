namespace Orleans.Sentiment.Inference;

/// <summary>
/// The inference queue is full (<c>Inference:MaxQueuedTexts</c>); nothing of the call was queued. Callers retry
/// later (the HTTP API answers 503).
/// </summary>
public sealed class InferenceQueueFullException(string message) : Exception(message);

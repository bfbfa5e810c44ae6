namespace Orleans.Sentiment.Training.Tenant;

/// <summary>Data that cannot train (too few examples per label, an unknown label, an empty text, ...): the message names what is wrong.</summary>
public sealed class TenantTrainingDataException(string message) : Exception(message);

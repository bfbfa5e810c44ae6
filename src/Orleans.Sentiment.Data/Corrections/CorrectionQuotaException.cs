namespace Orleans.Sentiment.Data.Corrections;

/// <summary>A tenant already holds the most corrections allowed; nothing was written.</summary>
public sealed class CorrectionQuotaException(string message) : Exception(message);

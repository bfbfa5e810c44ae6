namespace Orleans.Sentiment.Data.Corrections;

/// <summary>A correction or tenant name was rejected; <see cref="Field"/> names the offending input for a 400 answer.</summary>
public sealed class CorrectionException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

namespace Orleans.Sentiment.Contracts;

/// <summary>The models failed on some texts of a <see cref="IClassifierGrain.ClassifyAsync"/> call; the message gives the index and reason of the first.</summary>
[GenerateSerializer, Alias("sentiment.ClassificationFailedException")]
public sealed class ClassificationFailedException : Exception
{
    public ClassificationFailedException(string message)
        : base(message)
    {
    }

    public ClassificationFailedException()
    {
    }

    public ClassificationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>Whether a batch may be accepted now: null when yes, else why not (said to the client with the 503).</summary>
public interface IIngestionAvailability
{
    ValueTask<string?> CheckAsync(CancellationToken cancellationToken = default);
}

/// <summary>The embedded profile: memory storage is always there.</summary>
internal sealed class AlwaysAvailable : IIngestionAvailability
{
    public ValueTask<string?> CheckAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(null);
}

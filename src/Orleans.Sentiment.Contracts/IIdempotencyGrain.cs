namespace Orleans.Sentiment.Contracts;

/// <summary>
/// Remembers ingestion requests sent with an <c>Idempotency-Key</c>, so a retry returns the first answer and
/// publishes nothing. Keyed <c>"{tenant}/{shard}"</c>, the shard being the first hex digit of the key's hash, so
/// one tenant's keys spread over 16 small grains. Only completed (2xx) answers are remembered; a request in
/// progress holds a short claim so a concurrent duplicate is told to wait.
/// </summary>
[Alias("sentiment.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <param name="keyHash">SHA-256 (hex) of the Idempotency-Key header.</param>
    /// <param name="requestHash">SHA-256 (hex) of what the request asks for (source and comments).</param>
    [Alias("Begin")]
    Task<IdempotencyOutcome> BeginAsync(string keyHash, string requestHash);

    /// <summary>Records the answer of a request that <see cref="BeginAsync"/> let proceed, for <paramref name="window"/>.</summary>
    [Alias("Complete")]
    Task CompleteAsync(string keyHash, int status, int accepted, TimeSpan window);

    /// <summary>Forgets the claim of a request that did not succeed, so a retry is processed afresh.</summary>
    [Alias("Abandon")]
    Task AbandonAsync(string keyHash);
}

public enum IdempotencyVerdict
{
    /// <summary>First time this key is seen (or it expired): process the request.</summary>
    Proceed,

    /// <summary>The same request was answered before: return that answer, publish nothing.</summary>
    Replay,

    /// <summary>The key was used before for a different request.</summary>
    Mismatch,

    /// <summary>A request with this key is being processed right now.</summary>
    InProgress,
}

[GenerateSerializer, Immutable, Alias("sentiment.IdempotencyOutcome")]
public sealed record IdempotencyOutcome(
    [property: Id(0)] IdempotencyVerdict Verdict,
    [property: Id(1)] int Status = 0,
    [property: Id(2)] int Accepted = 0);

using Orleans.Runtime;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Ingestion;

/// <summary>
/// One shard of a tenant's remembered Idempotency-Keys: at most <see cref="Capacity"/> answers, each kept for the
/// window it was recorded with; expired ones go first, then the oldest. Claims of requests in progress live only in
/// memory and lapse after <see cref="ClaimLease"/> (a silo that died mid-request does not block the key).
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", Constants.StorageName)] IPersistentState<IdempotencyState> state,
    PipelineClock clock) : Grain, IIdempotencyGrain
{
    public const int Capacity = 1_000;
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, (string RequestHash, DateTimeOffset Until)> _claims = new(StringComparer.Ordinal);

    public Task<IdempotencyOutcome> BeginAsync(string keyHash, string requestHash)
    {
        var now = clock.UtcNow;
        if (state.State.Answers.TryGetValue(keyHash, out var answer) && answer.ExpiresAt > now)
        {
            return Task.FromResult(answer.RequestHash == requestHash
                ? new IdempotencyOutcome(IdempotencyVerdict.Replay, answer.Status, answer.Accepted)
                : new IdempotencyOutcome(IdempotencyVerdict.Mismatch));
        }

        if (_claims.TryGetValue(keyHash, out var claim) && claim.Until > now)
        {
            return Task.FromResult(new IdempotencyOutcome(claim.RequestHash == requestHash ? IdempotencyVerdict.InProgress : IdempotencyVerdict.Mismatch));
        }

        _claims[keyHash] = (requestHash, now + ClaimLease);
        return Task.FromResult(new IdempotencyOutcome(IdempotencyVerdict.Proceed));
    }

    public async Task CompleteAsync(string keyHash, int status, int accepted, TimeSpan window)
    {
        if (!_claims.Remove(keyHash, out var claim))
        {
            return;
        }

        var now = clock.UtcNow;
        var answers = state.State.Answers;
        foreach (var expired in answers.Where(a => a.Value.ExpiresAt <= now).Select(a => a.Key).ToList())
        {
            answers.Remove(expired);
        }

        while (answers.Count >= Capacity)
        {
            answers.Remove(answers.MinBy(a => a.Value.ExpiresAt).Key);
        }

        answers[keyHash] = new IdempotencyAnswer(claim.RequestHash, status, accepted, now + window);
        await state.WriteStateAsync();
    }

    public Task AbandonAsync(string keyHash)
    {
        _claims.Remove(keyHash);
        return Task.CompletedTask;
    }
}

[GenerateSerializer, Alias("sentiment.IdempotencyState")]
public sealed class IdempotencyState
{
    [Id(0)]
    public Dictionary<string, IdempotencyAnswer> Answers { get; set; } = [];
}

[GenerateSerializer, Immutable, Alias("sentiment.IdempotencyAnswer")]
public sealed record IdempotencyAnswer(
    [property: Id(0)] string RequestHash,
    [property: Id(1)] int Status,
    [property: Id(2)] int Accepted,
    [property: Id(3)] DateTimeOffset ExpiresAt);

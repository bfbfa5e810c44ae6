namespace Orleans.Sentiment.Contracts.Training;

/// <summary>
/// A job as callers see it. <see cref="Reason"/> says why it waits (queued), why it failed, or that an earlier attempt
/// lost its silo; <see cref="Silo"/> and <see cref="Attempt"/> name the current (or last) attempt.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.TrainingJobStatus")]
public sealed record TrainingJobStatus(
    [property: Id(0)] string JobId, [property: Id(1)] string Tenant, [property: Id(2)] string Model, [property: Id(3)] string VersionId,
    [property: Id(4)] TrainingJobState State, [property: Id(5)] string? Reason, [property: Id(6)] TrainingJobProgress? Progress,
    [property: Id(7)] string? Silo, [property: Id(8)] int Attempt, [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] DateTimeOffset? StartedAt, [property: Id(11)] DateTimeOffset? FinishedAt)
{
    public bool IsFinished => State is TrainingJobState.Succeeded or TrainingJobState.Failed or TrainingJobState.Cancelled;
}

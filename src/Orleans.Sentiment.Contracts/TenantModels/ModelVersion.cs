namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>
/// One version of a tenant model as its model grain keeps it: small (the artifact's bytes live in their own grain),
/// so that storing the model does not rewrite megabytes.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.ModelVersion")]
public sealed record ModelVersion(
    [property: Id(0)] string VersionId,
    [property: Id(1)] ModelVersionStatus Status,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] string? JobId,
    [property: Id(4)] bool AutoActivate,
    [property: Id(5)] string? FailureReason = null,
    [property: Id(6)] VersionTraining? Training = null,
    [property: Id(7)] long ArtifactBytes = 0,
    [property: Id(8)] DateTimeOffset? FinishedAt = null,
    [property: Id(9)] DateTimeOffset? ActivatedAt = null,
    [property: Id(10)] string? ActivationNote = null)
{
    /// <summary>Trained and its artifact kept: it can serve.</summary>
    public bool CanServe => Status is ModelVersionStatus.Ready or ModelVersionStatus.Active;
}

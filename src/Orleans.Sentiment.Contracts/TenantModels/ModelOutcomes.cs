namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>How defining a model went.</summary>
[GenerateSerializer, Alias("sentiment.DefineModelStatus")]
public enum DefineModelStatus
{
    Created,

    /// <summary>The model exists with this very definition: nothing changed.</summary>
    Unchanged,

    /// <summary>The model exists with another definition; a defined model's labels, kind and base do not change.</summary>
    Conflict,

    /// <summary>The tenant holds <c>Training:MaxModelsPerTenant</c> models.</summary>
    QuotaReached,
}

[GenerateSerializer, Immutable, Alias("sentiment.DefineModelOutcome")]
public sealed record DefineModelOutcome([property: Id(0)] DefineModelStatus Status, [property: Id(1)] TenantModelSnapshot? Model, [property: Id(2)] string? Detail);

/// <summary>How a change of the serving version went.</summary>
[GenerateSerializer, Alias("sentiment.ActivationOutcome")]
public sealed record ActivationOutcome(
    [property: Id(0)] ActivationResult Result,
    [property: Id(1)] TenantModelSnapshot? Model,
    [property: Id(2)] string? Detail,
    [property: Id(3)] GateFigures? Gate = null);

[GenerateSerializer, Alias("sentiment.ActivationResult")]
public enum ActivationResult
{
    /// <summary>The version serves now (or no version does, when none was named).</summary>
    Done,

    /// <summary>No such model, or no such version.</summary>
    NotFound,

    /// <summary>The version has no artifact to serve: queued, training, failed or retired.</summary>
    NotServable,

    /// <summary>The evaluation gate refused it: <see cref="ActivationOutcome.Gate"/> holds both versions' figures.</summary>
    GateRefused,
}

/// <summary>The evaluation gate's figures: the candidate's held-out macro-F1 against the active version's, and the regression allowed.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.GateFigures")]
public sealed record GateFigures(
    [property: Id(0)] string CandidateVersion,
    [property: Id(1)] double CandidateMacroF1,
    [property: Id(2)] string ActiveVersion,
    [property: Id(3)] double ActiveMacroF1,
    [property: Id(4)] double MaxRegression);

/// <summary>How deleting a model went.</summary>
[GenerateSerializer, Alias("sentiment.DeleteModelResult")]
public enum DeleteModelResult
{
    /// <summary>The model, its versions' artifacts, its examples and its serving version are gone; its quota slot is free.</summary>
    Deleted,

    NotFound,

    /// <summary>A version is queued or training: its job is to be cancelled first (<see cref="DeleteModelOutcome.Jobs"/>).</summary>
    Training,
}

[GenerateSerializer, Immutable, Alias("sentiment.DeleteModelOutcome")]
public sealed record DeleteModelOutcome(
    [property: Id(0)] DeleteModelResult Result,
    [property: Id(1)] string? Detail,
    [property: Id(2)] IReadOnlyList<string> Jobs);

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.HttpApi;

/// <summary>A tenant model's definition: its labels in id order, single- or multi-label, and the base encoder it adapts.</summary>
public sealed record DefineModelRequest(
    [property: Required, Description("2 to 50 distinct labels (compared ignoring case), in id order.")] IReadOnlyList<string>? Labels,
    [property: Description("Whether a text may carry several labels (default false).")] bool? MultiLabel,
    [property: Description("The base encoder: builtin:minilm (default) or a Hugging Face hub id org/name.")] string? Base);

/// <summary>A tenant model and its versions, oldest first.</summary>
public sealed record TenantModelDto(
    string Name,
    [property: Description("How predictions and a source's model list name it: tenant:model.")] string QualifiedName,
    IReadOnlyList<string> Labels,
    bool MultiLabel,
    string Base,
    DateTimeOffset CreatedAt,
    string? ActiveVersion,
    IReadOnlyList<ModelVersionDto> Versions);

public sealed record TenantModelsResponse(IReadOnlyList<TenantModelDto> Models);

/// <summary>One version of a tenant model.</summary>
public sealed record ModelVersionDto(
    string Version,
    [property: Description("queued, training, ready, active, failed or retired.")] string Status,
    DateTimeOffset CreatedAt,
    string? JobId,
    bool AutoActivate,
    string? FailureReason,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ActivatedAt,
    [property: Description("Why a version that asked to be activated was not.")] string? Note,
    long ArtifactBytes,
    VersionTrainingDto? Training);

/// <summary>How a version was trained and how it scored.</summary>
public sealed record VersionTrainingDto(
    string Method,
    [property: Description("Macro-F1 on the seeded, stratified held-out part of the examples: what the evaluation gate compares.")] double HeldOutMacroF1,
    [property: Description("Macro-F1 on corrections the version did not train on; null without such corrections.")] double? CorrectionsMacroF1,
    IReadOnlyDictionary<string, double> LabelF1,
    int TrainExamples,
    int ValidationExamples,
    int TestExamples,
    int Steps,
    [property: Description("Training time, ISO 8601 (PT1M25S).")] string Duration,
    IReadOnlyDictionary<string, string> Options,
    int Seed);

public sealed record ModelVersionsResponse(IReadOnlyList<ModelVersionDto> Versions);

/// <summary>Which version serves the model: one of its ready versions, or none (null) to stop serving it.</summary>
public sealed record ActivateRequest(
    [property: Description("The version to serve; null stops serving the model.")] string? Version,
    [property: Description("Activate even when the evaluation gate refuses (default false).")] bool? Force,
    [property: Description("Serve an earlier version again, past the gate: the named one, or (no version) the one that served before.")] bool? Rollback);

/// <summary>One labelled example to add: <c>label</c> (a string, or for a multi-label model several joined by '|', or an array).</summary>
public sealed record ExampleRequest(
    [property: Required] string? Text,
    [property: Required, Description("The label; for a multi-label model an array, or labels joined by '|'.")] string? Label);

public sealed record AddExamplesResponse(int Added, int Total);

/// <summary>A stored example; <c>correction</c> marks one that came in as a correction of a prediction.</summary>
public sealed record ExampleDto(string Id, string Text, IReadOnlyList<string> Labels, bool Correction, DateTimeOffset AddedAt);

public sealed record ExamplesResponse(int Total, IReadOnlyList<ExampleDto> Examples);

public sealed record DeleteExamplesResponse(int Deleted);

/// <summary>Train a new version from the model's stored examples and corrections, with the CLI's options (absent: the trainer's defaults).</summary>
public sealed record TrainRequest(
    [property: Description("auto (default: the trainer chooses by the data), lora, head or setfit.")] string? Method,
    [property: Description("1 to 1000; absent: chosen by the data.")] int? Epochs,
    [property: Description("Above 0, at most 1.")] double? LearningRate,
    [property: Description("Tokens per text, 8 to 512.")] int? MaxLength,
    [property: Description("Seed of the split and the training (default 42).")] int? Seed,
    [property: Description("Activate the version when it is trained and passes the evaluation gate (default false).")] bool? AutoActivate);

/// <summary>The queued version and the job that trains it.</summary>
public sealed record TrainingStartedResponse(string JobId, string Version, string Status);

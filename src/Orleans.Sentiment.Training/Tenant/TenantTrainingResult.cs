using Orleans.Sentiment.Inference.Adapters;

namespace Orleans.Sentiment.Training.Tenant;

/// <summary>
/// A trained version: its artifact, how it was trained and how it scored on held-out examples and corrections.
/// <see cref="TrainExamples"/> counts the examples the served weights learnt from (the validation part too when the
/// run was refitted); <see cref="Steps"/> are those of the run validation chose from (the refit's are in the options).
/// </summary>
public sealed record TenantTrainingResult(
    AdapterArtifact Artifact,
    string Method,
    TenantEvaluation HeldOut,
    TenantEvaluation? Corrections,
    int TrainExamples,
    int ValidationExamples,
    int TestExamples,
    int Steps,
    TimeSpan Duration,
    IReadOnlyDictionary<string, string> Options);

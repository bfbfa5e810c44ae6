using Orleans.Sentiment.Inference.Adapters;

namespace Orleans.Sentiment.Training.Tenant;

/// <summary>A trained version: its artifact, how it was trained and how it scored on held-out examples and corrections.</summary>
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

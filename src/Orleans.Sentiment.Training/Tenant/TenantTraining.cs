using Orleans.Sentiment.Inference.Adapters;

namespace Orleans.Sentiment.Training.Tenant;

public sealed record TenantExample(string Text, IReadOnlyList<string> Labels);

public sealed record TenantTrainingRequest
{
    public required IReadOnlyList<string> Labels { get; init; }
    public bool MultiLabel { get; init; }
    public required IReadOnlyList<TenantExample> Examples { get; init; }
    public IReadOnlyList<TenantExample> Corrections { get; init; } = [];
    public string BaseModel { get; init; } = "builtin:minilm";
    public required string BaseModelFolder { get; init; }
    public string Method { get; init; } = "auto";
    public int? Epochs { get; init; }
    public double? LearningRate { get; init; }
    public int? MaxLength { get; init; }
    public int Seed { get; init; } = 42;
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(4);
    public int Threads { get; init; }
}

public sealed record TenantTrainingProgress(string Phase, int Epoch, int Step, int TotalSteps, double? Loss, double? ValidationMacroF1);

public sealed record TenantEvaluation(double MacroF1, int Examples, IReadOnlyDictionary<string, double> LabelF1);

public sealed record TenantTrainingResult(
    AdapterArtifact Artifact, string Method, TenantEvaluation HeldOut, TenantEvaluation? Corrections,
    int TrainExamples, int ValidationExamples, int TestExamples, int Steps, TimeSpan Duration, IReadOnlyDictionary<string, string> Options);

public interface ITenantTrainer
{
    Task<TenantTrainingResult> TrainAsync(TenantTrainingRequest request, IProgress<TenantTrainingProgress> progress, CancellationToken cancellationToken);
}

/// <summary>Thrown for data that cannot train (too few examples per label, unknown label, ...): the message names what is wrong.</summary>
public sealed class TenantTrainingDataException(string message) : Exception(message);

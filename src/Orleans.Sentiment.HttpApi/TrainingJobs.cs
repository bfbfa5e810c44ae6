using System.ComponentModel;

namespace Orleans.Sentiment.HttpApi;

/// <summary>A training job: the version it trains, where it stands and why.</summary>
public sealed record TrainingJobDto(
    string JobId,
    string Model,
    string VersionId,
    [property: Description("queued, training, succeeded, failed or cancelled")] string State,
    [property: Description("Why a queued job waits, why a job failed, or that an earlier attempt lost its silo")] string? Reason,
    TrainingProgressDto? Progress,
    [property: Description("The silo of the current (or last) attempt")] string? Silo,
    int Attempt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>A running job's latest progress report.</summary>
public sealed record TrainingProgressDto(string Phase, int Epoch, int Step, int TotalSteps, double? Loss, double? ValidationMacroF1);

/// <summary>A tenant's training jobs, newest first.</summary>
public sealed record TrainingJobsResponse(IReadOnlyList<TrainingJobDto> Jobs);

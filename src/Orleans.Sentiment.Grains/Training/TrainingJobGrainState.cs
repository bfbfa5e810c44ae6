using Orleans.Sentiment.Contracts.Training;

namespace Orleans.Sentiment.Grains.Training;

[GenerateSerializer, Alias("sentiment.TrainingJobGrainState")]
public sealed class TrainingJobGrainState
{
    [Id(0)] public TrainingJobSpec? Spec { get; set; }
    [Id(1)] public TrainingJobState State { get; set; }
    [Id(2)] public string? Reason { get; set; }
    [Id(3)] public TrainingJobProgress? Progress { get; set; }
    [Id(4)] public string? Silo { get; set; }
    [Id(5)] public int Attempt { get; set; }
    [Id(6)] public DateTimeOffset? LeaseUntil { get; set; }
    [Id(7)] public DateTimeOffset CreatedAt { get; set; }
    [Id(8)] public DateTimeOffset? StartedAt { get; set; }
    [Id(9)] public DateTimeOffset? FinishedAt { get; set; }
}

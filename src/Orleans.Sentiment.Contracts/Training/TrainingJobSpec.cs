namespace Orleans.Sentiment.Contracts.Training;

/// <summary>What a job trains: a version of tenant model "{Tenant}/{Model}", with the CLI's training options (null: the trainer's default).</summary>
[GenerateSerializer, Immutable, Alias("sentiment.TrainingJobSpec")]
public sealed record TrainingJobSpec(
    [property: Id(0)] string Tenant, [property: Id(1)] string Model, [property: Id(2)] string VersionId,
    [property: Id(3)] IReadOnlyList<string> Labels, [property: Id(4)] bool MultiLabel, [property: Id(5)] string BaseModel,
    [property: Id(6)] string Method, [property: Id(7)] int? Epochs, [property: Id(8)] double? LearningRate,
    [property: Id(9)] int? MaxLength, [property: Id(10)] int Seed)
{
    /// <summary>Value equality over the labels' contents (a record compares lists by reference).</summary>
    public bool SameAs(TrainingJobSpec other) =>
        this with { Labels = other.Labels } == other && Labels.SequenceEqual(other.Labels, StringComparer.Ordinal);
}

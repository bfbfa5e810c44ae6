namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>What a trainer hands back for a version: the artifact's files (bytes by file name) and the training record.</summary>
[GenerateSerializer, Alias("sentiment.TrainedVersion")]
public sealed record TrainedVersion(
    [property: Id(0)] IReadOnlyDictionary<string, byte[]> ArtifactFiles,
    [property: Id(1)] string Method,
    [property: Id(2)] double HeldOutMacroF1,
    [property: Id(3)] double? CorrectionsMacroF1,
    [property: Id(4)] IReadOnlyDictionary<string, double> LabelF1,
    [property: Id(5)] int TrainExamples,
    [property: Id(6)] int ValidationExamples,
    [property: Id(7)] int TestExamples,
    [property: Id(8)] int Steps,
    [property: Id(9)] TimeSpan Duration,
    [property: Id(10)] IReadOnlyDictionary<string, string> Options,
    [property: Id(11)] int Seed);

/// <summary>A version's training record and evaluation figures: <see cref="TrainedVersion"/> without its bytes.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.VersionTraining")]
public sealed record VersionTraining(
    [property: Id(0)] string Method,
    [property: Id(1)] double HeldOutMacroF1,
    [property: Id(2)] double? CorrectionsMacroF1,
    [property: Id(3)] IReadOnlyDictionary<string, double> LabelF1,
    [property: Id(4)] int TrainExamples,
    [property: Id(5)] int ValidationExamples,
    [property: Id(6)] int TestExamples,
    [property: Id(7)] int Steps,
    [property: Id(8)] TimeSpan Duration,
    [property: Id(9)] IReadOnlyDictionary<string, string> Options,
    [property: Id(10)] int Seed)
{
    public static VersionTraining Of(TrainedVersion trained) => new(
        trained.Method, trained.HeldOutMacroF1, trained.CorrectionsMacroF1, trained.LabelF1, trained.TrainExamples,
        trained.ValidationExamples, trained.TestExamples, trained.Steps, trained.Duration, trained.Options, trained.Seed);
}

namespace Orleans.Sentiment.Contracts.TenantModels;

[GenerateSerializer, Immutable, Alias("sentiment.TrainedVersion")]
public sealed record TrainedVersion(
    [property: Id(0)] IReadOnlyDictionary<string, byte[]> ArtifactFiles, [property: Id(1)] string Method,
    [property: Id(2)] double HeldOutMacroF1, [property: Id(3)] double? CorrectionsMacroF1,
    [property: Id(4)] IReadOnlyDictionary<string, double> LabelF1, [property: Id(5)] int TrainExamples,
    [property: Id(6)] int ValidationExamples, [property: Id(7)] int TestExamples, [property: Id(8)] int Steps,
    [property: Id(9)] TimeSpan Duration, [property: Id(10)] IReadOnlyDictionary<string, string> Options, [property: Id(11)] int Seed);

namespace Orleans.Sentiment.Contracts.Training;

/// <summary>Where a running job is: its phase (e.g. "tokenize", "train", "evaluate"), epoch and step, and the latest figures.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.TrainingJobProgress")]
public sealed record TrainingJobProgress(
    [property: Id(0)] string Phase, [property: Id(1)] int Epoch, [property: Id(2)] int Step, [property: Id(3)] int TotalSteps,
    [property: Id(4)] double? Loss, [property: Id(5)] double? ValidationMacroF1);

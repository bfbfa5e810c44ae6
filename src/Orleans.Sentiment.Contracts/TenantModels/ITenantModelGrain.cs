namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>A tenant model and its versions; key "{tenant}/{model}". (Minimal: the job runner's calls.)</summary>
[Alias("sentiment.ITenantModelGrain")]
public interface ITenantModelGrain : IGrainWithStringKey
{
    [Alias("VersionTraining")]
    Task MarkTrainingAsync(string versionId);

    [Alias("VersionTrained")]
    Task CompleteVersionAsync(string versionId, TrainedVersion trained);

    [Alias("VersionFailed")]
    Task FailVersionAsync(string versionId, string reason);
}

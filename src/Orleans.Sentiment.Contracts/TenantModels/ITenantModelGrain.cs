namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>
/// One tenant model; key "{tenant}/{model}" (<see cref="TenantModelKey"/>). Keeps the definition and the versions'
/// records; each version's artifact lives in its own <see cref="IModelArtifactGrain"/>. Every change of the serving
/// version is told to the <see cref="IActiveModelsGrain"/>, which silos poll.
/// </summary>
[Alias("sentiment.ITenantModelGrain")]
public interface ITenantModelGrain : IGrainWithStringKey
{
    /// <summary>Defines the model once; defining it again with the same definition changes nothing.</summary>
    [Alias("Define")]
    Task<DefineModelOutcome> DefineAsync(TenantModelDefinition definition);

    /// <summary>The model, or null when it is not defined.</summary>
    [Alias("Get")]
    Task<TenantModelSnapshot?> GetAsync();

    /// <summary>Adds a queued version that job <paramref name="jobId"/> will train; null when the model is not defined.</summary>
    [Alias("CreateVersion")]
    Task<ModelVersion?> CreateVersionAsync(string versionId, string jobId, bool autoActivate);

    [Alias("VersionTraining")]
    Task MarkTrainingAsync(string versionId);

    /// <summary>Stores the artifact, records the figures, prunes old versions and, when the version asked for it and passes the gate, activates it.</summary>
    [Alias("VersionTrained")]
    Task CompleteVersionAsync(string versionId, TrainedVersion trained);

    [Alias("VersionFailed")]
    Task FailVersionAsync(string versionId, string reason);

    /// <summary>
    /// Makes <paramref name="versionId"/> the serving version, through the evaluation gate unless <paramref name="force"/>;
    /// a null version stops serving the model.
    /// </summary>
    [Alias("Activate")]
    Task<ActivationOutcome> ActivateAsync(string? versionId, bool force);

    /// <summary>Serves an earlier version again, past the gate: the named one, or the one that served before the active one.</summary>
    [Alias("Rollback")]
    Task<ActivationOutcome> RollbackAsync(string? versionId);

    /// <summary>
    /// Deletes the model: stops serving it, deletes its versions' artifacts and its examples, frees its slot in the tenant's
    /// catalog, then its own record. Refused while a version is queued or training (cancel its job first). A call repeated
    /// after a failure part-way finishes the work.
    /// </summary>
    [Alias("Delete")]
    Task<DeleteModelOutcome> DeleteAsync();
}

using Orleans.Sentiment.Grains.Training;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Grains.TenantModels;

/// <summary>
/// One tenant model: definition, versions and the serving version. Each change is stored before it is told to the
/// cluster's <see cref="IActiveModelsGrain"/>; activation calls tell it again even when nothing changed, so a call
/// retried after a failure in between heals the map.
/// </summary>
public sealed class TenantModelGrain(
    [PersistentState("model", Constants.StorageName)] IPersistentState<TenantModelState> state,
    IOptions<TrainingOptions> options,
    PipelineClock clock,
    ActiveModelsCache servingCache) : Grain, ITenantModelGrain
{
    private readonly TrainingOptions _options = options.Value;
    private TenantModelKey _key = null!;

    private TenantModelState Model => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = TenantModelKey.Parse(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    public async Task<DefineModelOutcome> DefineAsync(TenantModelDefinition definition)
    {
        if (Model.Definition is { } existing)
        {
            return Same(existing, definition)
                ? new DefineModelOutcome(DefineModelStatus.Unchanged, Snapshot(), null)
                : new DefineModelOutcome(DefineModelStatus.Conflict, Snapshot(),
                    $"model '{_key.Model}' is already defined with other labels, kind or base; define a model of another name");
        }

        if (!await GrainFactory.GetGrain<ITenantModelCatalogGrain>(_key.Tenant).TryAddAsync(_key.Model, _options.MaxModelsPerTenant))
        {
            return new DefineModelOutcome(DefineModelStatus.QuotaReached, null,
                $"tenant '{_key.Tenant}' already holds {_options.MaxModelsPerTenant} models, the most allowed (Training:MaxModelsPerTenant); delete one to define another");
        }

        Model.Definition = definition;
        Model.CreatedAt = clock.UtcNow;
        await state.WriteStateAsync();
        return new DefineModelOutcome(DefineModelStatus.Created, Snapshot(), null);
    }

    public Task<TenantModelSnapshot?> GetAsync() => Task.FromResult(Model.Definition is null ? null : Snapshot());

    public async Task<ModelVersion?> CreateVersionAsync(string versionId, string jobId, bool autoActivate)
    {
        if (Model.Definition is null)
        {
            return null;
        }

        if (Find(versionId) is { } known)
        {
            return known;
        }

        var version = new ModelVersion(versionId, ModelVersionStatus.Queued, clock.UtcNow, jobId, autoActivate);
        Model.Versions.Add(version);
        await state.WriteStateAsync();
        return version;
    }

    public async Task MarkTrainingAsync(string versionId)
    {
        if (Find(versionId) is { Status: ModelVersionStatus.Queued } version)
        {
            Replace(version with { Status = ModelVersionStatus.Training });
            await state.WriteStateAsync();
        }
    }

    public async Task CompleteVersionAsync(string versionId, TrainedVersion trained)
    {
        // Only a version still in training takes a result: a repeated completion, or one for a failed version, changes nothing.
        if (Find(versionId) is not { Status: ModelVersionStatus.Queued or ModelVersionStatus.Training } version)
        {
            return;
        }

        await GrainFactory.GetGrain<IModelArtifactGrain>(_key.VersionKey(versionId)).StoreAsync(trained.ArtifactFiles);
        var ready = version with
        {
            Status = ModelVersionStatus.Ready,
            Training = VersionTraining.Of(trained),
            ArtifactBytes = trained.ArtifactFiles.Values.Sum(f => (long)f.Length),
            FinishedAt = clock.UtcNow,
        };
        Replace(ready);
        if (ready.AutoActivate)
        {
            var refusal = EvaluationGate.Refusal(ready, Active(), _options.MaxRegression);
            if (refusal is null)
            {
                Serve(ready);
            }
            else
            {
                Replace(ready with { ActivationNote = $"not activated: held-out macro-F1 {refusal.CandidateMacroF1:0.###} is more than {refusal.MaxRegression:0.###} below {refusal.ActiveVersion}'s {refusal.ActiveMacroF1:0.###}" });
            }
        }

        await StoreAndPruneAsync();
        await PublishAsync();
    }

    public async Task FailVersionAsync(string versionId, string reason)
    {
        if (Find(versionId) is { Status: ModelVersionStatus.Queued or ModelVersionStatus.Training } version)
        {
            Replace(version with { Status = ModelVersionStatus.Failed, FailureReason = reason, FinishedAt = clock.UtcNow });
            await StoreAndPruneAsync();
        }
    }

    public Task<ActivationOutcome> ActivateAsync(string? versionId, bool force) => ChangeServingAsync(versionId, force);

    public Task<ActivationOutcome> RollbackAsync(string? versionId)
    {
        var target = versionId ?? Model.Versions
            .Where(v => v.CanServe && v.VersionId != Model.ActiveVersion && v.ActivatedAt is not null)
            .MaxBy(v => v.ActivatedAt)?.VersionId;
        return target is null && Model.Definition is not null
            ? Task.FromResult(new ActivationOutcome(ActivationResult.NotFound, Snapshot(), "no kept version served before the active one; name the version to roll back to"))
            : ChangeServingAsync(target, force: true);
    }

    public async Task<DeleteModelOutcome> DeleteAsync()
    {
        if (Model.Definition is null)
        {
            return new DeleteModelOutcome(DeleteModelResult.NotFound, $"model '{_key.Model}' is not defined", []);
        }

        // Refused rather than cancelled for the caller: deleting must not throw away a training run nobody chose to stop.
        var training = Model.Versions.Where(v => v.Status is ModelVersionStatus.Queued or ModelVersionStatus.Training).ToList();
        if (training.Count > 0)
        {
            var jobs = training.Select(v => v.JobId).OfType<string>().ToList();
            return new DeleteModelOutcome(DeleteModelResult.Training,
                $"version(s) {string.Join(", ", training.Select(v => v.VersionId))} of model '{_key.Model}' are queued or training: cancel job(s) {string.Join(", ", jobs)} first, then delete the model",
                jobs);
        }

        await TenantModelRemoval.RemoveAsync(GrainFactory, servingCache, _key, Model.Versions.Select(v => v.VersionId));
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State = new TenantModelState();
        return new DeleteModelOutcome(DeleteModelResult.Deleted, null, []);
    }

    private async Task<ActivationOutcome> ChangeServingAsync(string? versionId, bool force)
    {
        if (Model.Definition is null)
        {
            return new ActivationOutcome(ActivationResult.NotFound, null, $"model '{_key.Model}' is not defined");
        }

        if (versionId is null)
        {
            Stop();
        }
        else
        {
            if (Find(versionId) is not { } version)
            {
                return new ActivationOutcome(ActivationResult.NotFound, Snapshot(), $"model '{_key.Model}' has no version '{versionId}'");
            }

            if (!version.CanServe)
            {
                return new ActivationOutcome(ActivationResult.NotServable, Snapshot(),
                    $"version '{versionId}' is {version.Status.ToString().ToLowerInvariant()}: only a trained version that is kept (ready or active) can serve");
            }

            if (!force && EvaluationGate.Refusal(version, Active(), _options.MaxRegression) is { } refusal)
            {
                return new ActivationOutcome(ActivationResult.GateRefused, Snapshot(),
                    $"held-out macro-F1 {refusal.CandidateMacroF1:0.###} is more than Training:MaxRegression ({refusal.MaxRegression:0.###}) below the active version's {refusal.ActiveMacroF1:0.###}; activate with force to override",
                    refusal);
            }

            Serve(version);
        }

        await state.WriteStateAsync();
        await PublishAsync();
        return new ActivationOutcome(ActivationResult.Done, Snapshot(), null);
    }

    /// <summary>Makes <paramref name="version"/> the serving one; the one it replaces stays ready.</summary>
    private void Serve(ModelVersion version)
    {
        if (Model.ActiveVersion == version.VersionId)
        {
            return;
        }

        Stop();
        Replace(version with { Status = ModelVersionStatus.Active, ActivatedAt = clock.UtcNow, ActivationNote = null });
        Model.ActiveVersion = version.VersionId;
    }

    private void Stop()
    {
        if (Active() is { } serving)
        {
            Replace(serving with { Status = ModelVersionStatus.Ready });
        }

        Model.ActiveVersion = null;
    }

    private async Task StoreAndPruneAsync()
    {
        var (kept, retired) = VersionPruning.Prune(Model.Versions, _options.MaxVersionsKept);
        Model.Versions = kept;
        await state.WriteStateAsync();

        // After the write: a crash in between leaves an artifact no record points at, never a record without its artifact.
        foreach (var versionId in retired)
        {
            await GrainFactory.GetGrain<IModelArtifactGrain>(_key.VersionKey(versionId)).DeleteAsync();
        }
    }

    private async Task PublishAsync()
    {
        var active = Active() is { } version && Model.Definition is { } definition
            ? new ActiveModel(version.VersionId, definition.BaseModel, definition.Labels, definition.MultiLabel)
            : null;
        await GrainFactory.GetGrain<IActiveModelsGrain>(0).SetAsync(_key.QualifiedName, active);
        await servingCache.RefreshAsync();
    }

    private ModelVersion? Active() => Model.ActiveVersion is { } id ? Find(id) : null;

    private ModelVersion? Find(string versionId) => Model.Versions.Find(v => v.VersionId == versionId);

    private void Replace(ModelVersion version) => Model.Versions[Model.Versions.FindIndex(v => v.VersionId == version.VersionId)] = version;

    private TenantModelSnapshot Snapshot() => new(_key.Tenant, _key.Model, Model.Definition!, Model.CreatedAt, Model.ActiveVersion, [.. Model.Versions]);

    private static bool Same(TenantModelDefinition a, TenantModelDefinition b) =>
        a.MultiLabel == b.MultiLabel && string.Equals(a.BaseModel, b.BaseModel, StringComparison.OrdinalIgnoreCase) && a.Labels.SequenceEqual(b.Labels, StringComparer.Ordinal);
}

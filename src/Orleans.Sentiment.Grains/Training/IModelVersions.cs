using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Contracts.Training;

namespace Orleans.Sentiment.Grains.Training;

/// <summary>What a job tells the tenant model about its version, and where it reads the examples: the tenant model grains (<see cref="TenantModelVersions"/>).</summary>
public interface IModelVersions
{
    Task<IReadOnlyList<StoredExample>> ReadExamplesAsync(TrainingJobSpec spec);

    Task MarkTrainingAsync(TrainingJobSpec spec);

    Task CompleteAsync(TrainingJobSpec spec, TrainedVersion trained);

    Task FailAsync(TrainingJobSpec spec, string reason);
}

/// <summary>The tenant model and examples grains, key "{tenant}/{model}".</summary>
public sealed class TenantModelVersions(IGrainFactory grains) : IModelVersions
{
    public Task<IReadOnlyList<StoredExample>> ReadExamplesAsync(TrainingJobSpec spec) => grains.GetGrain<IExamplesGrain>(Key(spec)).ReadAllAsync();

    public Task MarkTrainingAsync(TrainingJobSpec spec) => Model(spec).MarkTrainingAsync(spec.VersionId);

    public Task CompleteAsync(TrainingJobSpec spec, TrainedVersion trained) => Model(spec).CompleteVersionAsync(spec.VersionId, trained);

    public Task FailAsync(TrainingJobSpec spec, string reason) => Model(spec).FailVersionAsync(spec.VersionId, reason);

    private ITenantModelGrain Model(TrainingJobSpec spec) => grains.GetGrain<ITenantModelGrain>(Key(spec));

    private static string Key(TrainingJobSpec spec) => $"{spec.Tenant}/{spec.Model}";
}

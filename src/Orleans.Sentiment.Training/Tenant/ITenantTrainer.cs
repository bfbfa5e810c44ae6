namespace Orleans.Sentiment.Training.Tenant;

/// <summary>Trains one version of a tenant model.</summary>
public interface ITenantTrainer
{
    /// <exception cref="TenantTrainingDataException">The data cannot train a model; the message says why.</exception>
    Task<TenantTrainingResult> TrainAsync(TenantTrainingRequest request, IProgress<TenantTrainingProgress> progress, CancellationToken cancellationToken);
}

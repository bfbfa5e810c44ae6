namespace Orleans.Sentiment.Contracts.Training;

/// <summary>
/// One training job (key: the job id): it trains one version of a tenant model on a trainer silo, and keeps its
/// state, progress and outcome in grain storage so that they outlive the silo that runs it.
/// </summary>
[Alias("sentiment.ITrainingJobGrain")]
public interface ITrainingJobGrain : IGrainWithStringKey
{
    /// <summary>Queues the job. Idempotent for the same spec; a different spec under the same id throws <see cref="InvalidOperationException"/>.</summary>
    [Alias("Start")]
    Task<TrainingJobStatus> StartAsync(TrainingJobSpec spec);

    /// <summary>The job's status, or null when no job has this id.</summary>
    [Alias("Get")]
    Task<TrainingJobStatus?> GetAsync();

    /// <summary>Cancels a queued or running job (its version fails with reason "cancelled"); a finished job is returned unchanged.</summary>
    [Alias("Cancel")]
    Task<TrainingJobStatus> CancelAsync();
}

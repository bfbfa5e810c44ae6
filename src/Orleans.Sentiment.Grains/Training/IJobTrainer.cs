using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Contracts.Training;

namespace Orleans.Sentiment.Grains.Training;

/// <summary>
/// The training a job runs. Only the build that carries the trainer (libtorch) registers one
/// (Orleans.Sentiment.Trainer's AddSentimentTrainer); a silo without it runs no jobs.
/// </summary>
public interface IJobTrainer
{
    /// <summary>Trains the version; throws <see cref="TrainingDataException"/> for data that cannot train.</summary>
    Task<TrainedVersion> TrainAsync(TrainingWork work, IProgress<TrainingJobProgress> progress, CancellationToken cancellationToken);
}

/// <summary>One attempt's input: the spec, the model's stored examples and corrections, and this silo's limits.</summary>
public sealed record TrainingWork(TrainingJobSpec Spec, IReadOnlyList<StoredExample> Examples, int Threads, TimeSpan MaxDuration);

/// <summary>Data that cannot train (too few examples per label, unknown label, ...): the message names what is wrong and is the job's reason.</summary>
public sealed class TrainingDataException(string message, Exception? inner = null) : Exception(message, inner);

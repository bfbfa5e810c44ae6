namespace Orleans.Sentiment.Grains.Training;

/// <summary>
/// The cluster's queue of training jobs (one grain, key <see cref="TrainingQueue.Key"/>): job ids in arrival order,
/// the ids of running jobs (whose leases every silo checks), and which trainer silos polled lately. It only keeps
/// ids: each job grain owns its own state and tells the queue where it stands; the queue calls no grain.
/// </summary>
[Alias("sentiment.ITrainingQueueGrain")]
public interface ITrainingQueueGrain : IGrainWithStringKey
{
    /// <summary>Records where a job stands (idempotent).</summary>
    [Alias("Track")]
    Task TrackAsync(string jobId, QueueSlot slot);

    /// <summary>A trainer silo's poll: the first <paramref name="take"/> queued ids and all running ids.</summary>
    [Alias("Poll")]
    Task<QueueView> PollAsync(string silo, int take);

    /// <summary>The running ids, for a silo that trains nothing to check their leases (it is not counted as a trainer).</summary>
    [Alias("Running")]
    Task<IReadOnlyList<string>> RunningAsync();

    /// <summary>A queued job's place and how many trainer silos polled lately.</summary>
    [Alias("Describe")]
    Task<QueuePlace> DescribeAsync(string jobId);
}

[GenerateSerializer, Alias("sentiment.QueueSlot")]
public enum QueueSlot
{
    /// <summary>Waiting, behind the jobs queued before it.</summary>
    Queued,

    /// <summary>Waiting, ahead of the others: an attempt that lost its silo.</summary>
    QueuedFirst,
    Running,
    Gone,
}

[GenerateSerializer, Immutable, Alias("sentiment.QueueView")]
public sealed record QueueView([property: Id(0)] IReadOnlyList<string> Queued, [property: Id(1)] IReadOnlyList<string> Running);

/// <summary><see cref="Position"/> is 1-based, 0 when the job is not queued.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.QueuePlace")]
public sealed record QueuePlace([property: Id(0)] int Position, [property: Id(1)] int Queued, [property: Id(2)] int ActiveTrainers);

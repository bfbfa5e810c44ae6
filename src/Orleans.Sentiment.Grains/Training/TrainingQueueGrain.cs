using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Training;

public static class TrainingQueue
{
    public const string Key = "jobs";
}

[GenerateSerializer, Alias("sentiment.TrainingQueueState")]
public sealed class TrainingQueueState
{
    [Id(0)] public List<string> Queued { get; set; } = [];
    [Id(1)] public HashSet<string> Running { get; set; } = [];
}

/// <inheritdoc cref="ITrainingQueueGrain"/>
public sealed class TrainingQueueGrain(
    [PersistentState("trainingQueue", Constants.StorageName)] IPersistentState<TrainingQueueState> state,
    IOptions<TrainingOptions> options,
    TimeProvider time) : Grain, ITrainingQueueGrain
{
    // Who polled lately is not persisted: after a move of this grain, trainers show up again within a poll interval.
    private readonly Dictionary<string, DateTimeOffset> _trainers = new(StringComparer.Ordinal);

    public async Task TrackAsync(string jobId, QueueSlot slot)
    {
        var queued = state.State.Queued;
        var running = state.State.Running;
        // Non-short-circuit '|': both collections are updated.
        var changed = slot switch
        {
            QueueSlot.Queued => AddLast(queued, jobId) | running.Remove(jobId),
            QueueSlot.QueuedFirst => MoveToFront(queued, jobId) | running.Remove(jobId),
            QueueSlot.Running => queued.Remove(jobId) | running.Add(jobId),
            _ => queued.Remove(jobId) | running.Remove(jobId),
        };
        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<QueueView> PollAsync(string silo, int take)
    {
        _trainers[silo] = time.GetUtcNow();
        return Task.FromResult(new QueueView(state.State.Queued.Take(take).ToArray(), state.State.Running.ToArray()));
    }

    public Task<IReadOnlyList<string>> RunningAsync() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Running]);

    public Task<QueuePlace> DescribeAsync(string jobId)
    {
        var since = time.GetUtcNow() - options.Value.LeaseDuration;
        var active = _trainers.Count(t => t.Value >= since);
        return Task.FromResult(new QueuePlace(state.State.Queued.IndexOf(jobId) + 1, state.State.Queued.Count, active));
    }

    private static bool AddLast(List<string> queued, string jobId)
    {
        if (queued.Contains(jobId))
        {
            return false;
        }

        queued.Add(jobId);
        return true;
    }

    private static bool MoveToFront(List<string> queued, string jobId)
    {
        if (queued.Count > 0 && queued[0] == jobId)
        {
            return false;
        }

        queued.Remove(jobId);
        queued.Insert(0, jobId);
        return true;
    }
}

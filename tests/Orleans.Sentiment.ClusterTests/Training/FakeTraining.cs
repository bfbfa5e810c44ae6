using System.Collections.Concurrent;
using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Contracts.Training;
using Orleans.Sentiment.Grains.Training;

namespace Orleans.Sentiment.ClusterTests.Training;

/// <summary>
/// The tests' trainer and tenant model, shared by every silo of the process: each test drives its own versions
/// (unique ids) through a <see cref="Script"/>: it sees each attempt begin, reports progress, and decides the outcome.
/// </summary>
public sealed class FakeTraining : IJobTrainer, IModelVersions
{
    public static readonly FakeTraining Instance = new();
    private static readonly ConcurrentDictionary<string, Script> Scripts = new(StringComparer.Ordinal);

    public static Script For(string versionId) => Scripts.GetOrAdd(versionId, _ => new Script());

    public async Task<TrainedVersion> TrainAsync(TrainingWork work, IProgress<TrainingJobProgress> progress, CancellationToken cancellationToken)
    {
        var script = For(work.Spec.VersionId);
        var attempt = script.Begin(work);
        await using var registration = cancellationToken.Register(() => attempt.Cancelled.TrySetResult());
        if (script.DataError is { } error)
        {
            throw new TrainingDataException(error);
        }

        progress.Report(new TrainingJobProgress("train", 1, 5, 20, 0.5, null));
        return script.IgnoresCancellation ? await script.Outcome.Task : await script.Outcome.Task.WaitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<StoredExample>> ReadExamplesAsync(TrainingJobSpec spec) =>
        Task.FromResult<IReadOnlyList<StoredExample>>([new StoredExample("1", "it crashes", ["bug"], false, DateTimeOffset.UnixEpoch)]);

    public Task MarkTrainingAsync(TrainingJobSpec spec)
    {
        For(spec.VersionId).Events.Enqueue("training");
        return Task.CompletedTask;
    }

    public Task CompleteAsync(TrainingJobSpec spec, TrainedVersion trained)
    {
        For(spec.VersionId).Events.Enqueue($"trained:{trained.Method}");
        return Task.CompletedTask;
    }

    public Task FailAsync(TrainingJobSpec spec, string reason)
    {
        For(spec.VersionId).Events.Enqueue($"failed:{reason}");
        return Task.CompletedTask;
    }

    public static TrainedVersion Trained(string method = "head") => new(
        new Dictionary<string, byte[]> { ["head_config.json"] = "{}"u8.ToArray() }, method, 0.8, null, new Dictionary<string, double>(),
        10, 2, 3, 20, TimeSpan.FromSeconds(1), new Dictionary<string, string>(), 42);

    public sealed class Script
    {
        private readonly ConcurrentQueue<Attempt> _attempts = new();

        /// <summary>Completes the training (every attempt, the current and later ones).</summary>
        public TaskCompletionSource<TrainedVersion> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>
        /// Training goes on when cancelled, as on a process killed outright: a test cluster's in-process "kill" still
        /// runs the silo's stopping code, which would hand the attempt back; a hung attempt stands for one that cannot.
        /// </summary>
        public bool IgnoresCancellation { get; set; }

        /// <summary>When set, training throws this data error.</summary>
        public string? DataError { get; set; }

        /// <summary>What the tenant model heard: "training", "trained:{method}", "failed:{reason}".</summary>
        public ConcurrentQueue<string> Events { get; } = new();

        public IReadOnlyList<Attempt> Attempts => _attempts.ToArray();

        internal Attempt Begin(TrainingWork work)
        {
            var attempt = new Attempt(work);
            _attempts.Enqueue(attempt);
            return attempt;
        }
    }

    public sealed record Attempt(TrainingWork Work)
    {
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

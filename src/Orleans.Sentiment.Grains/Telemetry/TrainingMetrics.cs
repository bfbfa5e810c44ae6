using System.Diagnostics.Metrics;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.Training;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>Training jobs' instruments (meter "Orleans.Sentiment"): state changes cluster-wide, jobs running on this silo, durations.</summary>
public sealed class TrainingMetrics
{
    private readonly Counter<long> _jobs;
    private readonly Counter<long> _resumed;
    private readonly UpDownCounter<long> _running;
    private readonly Histogram<double> _duration;

    public TrainingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Constants.MeterName);
        _jobs = meter.CreateCounter<long>("orleans_sentiment_training_jobs", "{job}", "Training jobs entering a state (queued, training, succeeded, failed, cancelled), counted by the silo of the job grain.");
        _resumed = meter.CreateCounter<long>("orleans_sentiment_training_jobs_resumed", "{job}", "Training attempts whose silo stopped renewing the lease, queued again.");
        _running = meter.CreateUpDownCounter<long>("orleans_sentiment_training_jobs_running", "{job}", "Training jobs running on this silo.");
        _duration = meter.CreateHistogram<double>("orleans_sentiment_training_job_duration", "s", "Time from an attempt's start to the job's outcome, by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 10, 30, 60, 120, 240, 480, 900, 1800] });
        foreach (var state in Enum.GetValues<TrainingJobState>())
        {
            _jobs.Add(0, Tag(state));
        }

        _resumed.Add(0);
    }

    public void Entered(TrainingJobState state) => _jobs.Add(1, Tag(state));

    public void Resumed() => _resumed.Add(1);

    public void Finished(TrainingJobState outcome, TimeSpan duration) => _duration.Record(duration.TotalSeconds, Tag(outcome));

    public void RunningChanged(int delta) => _running.Add(delta);

    private static KeyValuePair<string, object?> Tag(TrainingJobState state) => new("state", state.ToString().ToLowerInvariant());
}

using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.Training;

/// <summary>Tenant models' quotas and evaluation gate, and how trainer silos run training jobs (configuration section "Training").</summary>
public sealed class TrainingOptions
{
    public const string Section = "Training";

    /// <summary>Models one tenant may define; one more is refused with 429.</summary>
    [Range(1, 10_000, ErrorMessage = "Training:MaxModelsPerTenant must be between {1} and {2}.")]
    public int MaxModelsPerTenant { get; set; } = 20;

    /// <summary>Trained versions kept per model; beyond it the oldest that does not serve is retired and its artifact deleted.</summary>
    [Range(1, 1_000, ErrorMessage = "Training:MaxVersionsKept must be between {1} and {2}.")]
    public int MaxVersionsKept { get; set; } = 10;

    /// <summary>Examples and corrections one model may hold; an addition past it is refused with 429.</summary>
    [Range(10, 1_000_000, ErrorMessage = "Training:MaxExamplesPerModel must be between {1} and {2}.")]
    public int MaxExamplesPerModel { get; set; } = 20_000;

    /// <summary>
    /// How much lower than the serving version's a new version's held-out macro-F1 may be and still be activated
    /// (without force). 0.02 lets noise through and stops a real regression.
    /// </summary>
    [Range(0.0, 1.0, ErrorMessage = "Training:MaxRegression must be between {1} and {2}.")]
    public double MaxRegression { get; set; } = 0.02;

    /// <summary>Jobs one trainer silo runs at once; more wait in the queue.</summary>
    [Range(1, 64, ErrorMessage = "Training:MaxConcurrentJobs must be between {1} and {2}.")]
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>CPU threads per job; unset: 1 on machines with 2 cores or fewer, else half the cores; 0: all cores.</summary>
    [Range(0, 1024, ErrorMessage = "Training:Threads must be between {1} and {2} (0: all cores).")]
    public int? Threads { get; set; }

    /// <summary>Training time a job may use; the trainer stops its epochs there and keeps the best model so far.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00", ErrorMessage = "Training:MaxDuration must be between {1} and {2}.")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>A running job's lease: its silo renews it every quarter of this; a job whose lease runs out lost its silo.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:30:00", ErrorMessage = "Training:LeaseDuration must be between {1} and {2}.")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Attempts a job gets: a job whose silo died runs again from the start until this many have begun, then fails.</summary>
    [Range(1, 10, ErrorMessage = "Training:MaxAttempts must be between {1} and {2}.")]
    public int MaxAttempts { get; set; } = 2;

    /// <summary>The thread count a job gets on a machine with <paramref name="cores"/> cores (0: all of them).</summary>
    public int EffectiveThreads(int cores) => Threads ?? (cores <= 2 ? 1 : cores / 2);

    /// <summary>How often a running job renews its lease and reports progress.</summary>
    public TimeSpan HeartbeatInterval => LeaseDuration / 4;

    /// <summary>How often a trainer silo with a free slot asks the queue for work.</summary>
    public TimeSpan PollInterval => HeartbeatInterval < TimeSpan.FromSeconds(2) ? HeartbeatInterval : TimeSpan.FromSeconds(2);

    /// <summary>A job still running this long after it started is stopped and fails: the trainer did not honour MaxDuration.</summary>
    public TimeSpan HardLimit => MaxDuration * 2 + TimeSpan.FromMinutes(1);
}

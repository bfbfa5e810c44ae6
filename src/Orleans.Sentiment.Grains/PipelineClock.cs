namespace Orleans.Sentiment.Grains;

/// <summary>
/// The clock the pipeline's windows and alert cooldowns read. Kept apart from the runtime's own TimeProvider,
/// so tests can move it without freezing Orleans' timers.
/// </summary>
public sealed class PipelineClock(TimeProvider time)
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}

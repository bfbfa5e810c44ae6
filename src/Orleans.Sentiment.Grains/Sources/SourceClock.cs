namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// A source's time, which follows its comments' timestamps: the newest timestamp seen, moved on by the time that has
/// passed on the pipeline clock since it arrived. A replay of last month's comments therefore fills and empties time
/// windows, learns baselines and spaces cooldowns as last month did, while a live source (timestamps of about now) runs
/// on the clock, and a source that goes quiet still ages. Timestamps ahead of the pipeline clock count as now, so one
/// wrong clock cannot push the source into the future; older ones never move it back (the first one sets it).
/// </summary>
[GenerateSerializer, Alias("sentiment.SourceClock")]
public sealed class SourceClock
{
    [Id(0)]
    private long _newestTicks;

    [Id(1)]
    private long _seenAtTicks;

    /// <summary>The source's time when the pipeline clock reads <paramref name="wall"/>.</summary>
    public DateTimeOffset Now(DateTimeOffset wall) => _newestTicks == 0
        ? wall
        : new DateTimeOffset(_newestTicks + Math.Max(0, wall.UtcTicks - _seenAtTicks), TimeSpan.Zero);

    /// <summary>Takes in a comment's timestamp; returns the time it is counted at (never ahead of the pipeline clock).</summary>
    public DateTimeOffset Observe(DateTimeOffset timestamp, DateTimeOffset wall)
    {
        var at = timestamp > wall ? wall : timestamp;
        if (_newestTicks == 0 || at > Now(wall))
        {
            (_newestTicks, _seenAtTicks) = (at.UtcTicks, wall.UtcTicks);
        }

        return at;
    }
}

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// The pipeline's completion rate under load: comments completed per second of busy time over the last
/// <see cref="Window"/>, where busy means at least <see cref="SaturatedInFlight"/> comments in flight (the model has a
/// queue). Idle time and a trickle of single comments do not dilute it — they measure how fast the silo was asked, not
/// how fast it can go. Until enough busy time has been seen it keeps its last measurement (null at first). Not
/// thread-safe: the owner locks.
/// </summary>
public sealed class ThroughputMeter
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    /// <summary>Busy time a measurement needs within the window, so one quick delivery does not set the rate.</summary>
    public static readonly TimeSpan MinBusyTime = TimeSpan.FromSeconds(2);

    /// <summary>Comments in flight from which the pipeline counts as busy: a few model calls' worth.</summary>
    public const int SaturatedInFlight = 64;

    private readonly Queue<Slot> _slots = new();
    private Slot? _current;
    private DateTimeOffset _lastChange;
    private double? _rate;

    /// <summary>Records a change of the in-flight count at <paramref name="now"/>: busy time since the last change, and completions.</summary>
    /// <param name="now">When the change happened.</param>
    /// <param name="inFlightBefore">Comments in flight just before it: busy time and completions count only from <see cref="SaturatedInFlight"/>.</param>
    /// <param name="completed">Comments that left the pipeline classified or dead-lettered.</param>
    public void Record(DateTimeOffset now, long inFlightBefore, int completed)
    {
        var saturated = inFlightBefore >= SaturatedInFlight;
        var busy = saturated && now > _lastChange && _lastChange != default ? now - _lastChange : TimeSpan.Zero;
        completed = saturated ? completed : 0;
        _lastChange = now;
        var second = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        if (_current is null || _current.Second != second)
        {
            _current = new Slot(second);
            _slots.Enqueue(_current);
        }

        _current.Busy += busy;
        _current.Completed += completed;
    }

    /// <summary>Comments per busy second over the window, or the last such figure; null before the first.</summary>
    public double? Rate(DateTimeOffset now)
    {
        while (_slots.TryPeek(out var oldest) && now - oldest.Second > Window)
        {
            _slots.Dequeue();
        }

        var busy = TimeSpan.Zero;
        var completed = 0L;
        foreach (var slot in _slots)
        {
            busy += slot.Busy;
            completed += slot.Completed;
        }

        if (busy >= MinBusyTime && completed > 0)
        {
            _rate = completed / busy.TotalSeconds;
        }

        return _rate;
    }

    private sealed class Slot(DateTimeOffset second)
    {
        public DateTimeOffset Second { get; } = second;

        public TimeSpan Busy { get; set; }

        public long Completed { get; set; }
    }
}

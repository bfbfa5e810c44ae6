namespace Orleans.Sentiment.Client.Replay;

/// <summary>
/// When a comment is due, as time since the replay started: its time since the first comment divided by the speed
/// (speed 60: an hour of comment time a minute), or at once when the replay goes as fast as possible.
/// </summary>
internal sealed class ReplayPace
{
    private readonly double? _speed;

    private ReplayPace(double? speed) => _speed = speed;

    public static ReplayPace AsFastAsPossible { get; } = new(null);

    public static ReplayPace Speed(double speed) =>
        double.IsFinite(speed) && speed > 0 ? new(speed) : throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed must be a positive number.");

    public bool Waits => _speed is not null;

    public TimeSpan DueAfter(DateTimeOffset first, DateTimeOffset timestamp)
    {
        if (_speed is not { } speed || timestamp <= first)
        {
            return TimeSpan.Zero;
        }

        // In ticks as a double: a slow replay of a long file would overflow TimeSpan's own division.
        var ticks = (timestamp - first).Ticks / speed;
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }

    public override string ToString() => _speed is { } speed ? $"{speed:0.###}x" : "as fast as possible";
}

namespace Orleans.Sentiment.Grains.Windows;

/// <summary>
/// A source's long-run share of one label: an exponentially weighted mean over the comments that left its window, so
/// the window is always judged against the comments before it, never against itself. The weights halve over
/// <see cref="BaselineHorizon.HalfLife"/> of comment time when one is set, else fall by 1/<see cref="BaselineHorizon.Comments"/>
/// per comment.
/// </summary>
[GenerateSerializer, Alias("sentiment.ShareBaseline")]
public sealed class ShareBaseline
{
    [Id(0)]
    private double _hits;

    [Id(1)]
    private double _weight;

    [Id(2)]
    private long _lastTicks;

    /// <summary>Comments learnt from, all told.</summary>
    [Id(3)]
    public long Comments { get; private set; }

    /// <summary>The long-run share; null before the first comment.</summary>
    public double? Share => _weight > 0 ? _hits / _weight : null;

    public void Learn(bool hit, long atTicks, BaselineHorizon horizon)
    {
        var keep = Comments == 0 ? 1 : horizon.Keep(atTicks - _lastTicks);
        _hits = (_hits * keep) + (hit ? 1 : 0);
        _weight = (_weight * keep) + 1;
        _lastTicks = Math.Max(_lastTicks, atTicks);
        Comments++;
    }
}

/// <summary>How far back a <see cref="ShareBaseline"/> remembers: a number of comments, or a half-life in comment time.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.BaselineHorizon")]
public sealed record BaselineHorizon([property: Id(0)] int Comments, [property: Id(1)] TimeSpan? HalfLife)
{
    /// <summary>The share of the past weight kept when a comment <paramref name="elapsedTicks"/> after the last one arrives.</summary>
    public double Keep(long elapsedTicks) => HalfLife is { } halfLife
        ? Math.Pow(0.5, Math.Max(0, elapsedTicks) / (double)halfLife.Ticks)
        : 1 - (1.0 / Comments);
}

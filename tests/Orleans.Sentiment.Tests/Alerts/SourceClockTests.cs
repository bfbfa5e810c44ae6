using Orleans.Sentiment.Grains.Sources;

namespace Orleans.Sentiment.Tests.Alerts;

public sealed class SourceClockTests
{
    private static readonly DateTimeOffset Wall = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastMonth = new(2026, 11, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Now_BeforeAnyComment_IsThePipelineClock() => Assert.Equal(Wall, new SourceClock().Now(Wall));

    [Fact]
    public void Observe_ReplayedComments_MoveTheSourcesTimeAlongTheirTimestamps()
    {
        var clock = new SourceClock();
        clock.Observe(LastMonth, Wall);
        clock.Observe(LastMonth.AddHours(3), Wall.AddSeconds(3));

        Assert.Equal(LastMonth.AddHours(3), clock.Now(Wall.AddSeconds(3)));
        // A quiet source still ages, at the pipeline clock's pace.
        Assert.Equal(LastMonth.AddHours(3).AddMinutes(10), clock.Now(Wall.AddSeconds(3).AddMinutes(10)));
    }

    [Fact]
    public void Observe_AnOlderComment_CountsAtItsOwnTimeWithoutMovingTheClockBack()
    {
        var clock = new SourceClock();
        clock.Observe(LastMonth.AddHours(3), Wall);

        Assert.Equal(LastMonth, clock.Observe(LastMonth, Wall));
        Assert.Equal(LastMonth.AddHours(3), clock.Now(Wall));
    }

    [Fact]
    public void Observe_ATimestampAheadOfThePipelineClock_CountsAsNow()
    {
        var clock = new SourceClock();

        Assert.Equal(Wall, clock.Observe(Wall.AddDays(2), Wall));
        Assert.Equal(Wall, clock.Now(Wall));
    }
}

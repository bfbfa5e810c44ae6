using Orleans.Sentiment.Grains.Sources;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class ThroughputMeterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ThroughputMeter _meter = new();

    [Fact]
    public void Rate_BeforeAnyBusyTime_IsUnknown()
    {
        _meter.Record(Now, inFlightBefore: 0, completed: 0);

        Assert.Null(_meter.Rate(Now.AddSeconds(1)));
    }

    [Fact]
    public void Rate_CountsOnlyBusyTime()
    {
        // Busy for 4 s completing 400 comments, idle for 20 s, busy again for 1 s completing 100.
        _meter.Record(Now, 0, 0);
        _meter.Record(Now.AddSeconds(4), 400, 400);
        _meter.Record(Now.AddSeconds(24), 0, 0);
        _meter.Record(Now.AddSeconds(25), 100, 100);

        Assert.Equal(100, _meter.Rate(Now.AddSeconds(25))!.Value, 3);
    }

    [Fact]
    public void Rate_TooLittleBusyTime_KeepsTheLastMeasurement()
    {
        _meter.Record(Now, 0, 0);
        _meter.Record(Now.AddSeconds(5), 500, 500);
        Assert.Equal(100, _meter.Rate(Now.AddSeconds(5))!.Value, 3);

        // A minute later the window holds only half a second of busy time: the last rate stands.
        _meter.Record(Now.AddSeconds(65), 0, 0);
        _meter.Record(Now.AddSeconds(65.5), 10, 10);

        Assert.Equal(100, _meter.Rate(Now.AddSeconds(66))!.Value, 3);
    }

    [Fact]
    public void Rate_TrickleOfFewComments_IsNotAMeasurementOfCapacity()
    {
        // A comment at a time, each in flight for 0.2 s: that is how fast the silo was asked, not how fast it can go.
        for (var i = 0; i < 50; i++)
        {
            _meter.Record(Now.AddSeconds(i), 0, 0);
            _meter.Record(Now.AddSeconds(i + 0.2), 1, 1);
        }

        Assert.Null(_meter.Rate(Now.AddSeconds(50)));
    }

    [Fact]
    public void Rate_OldSlots_LeaveTheWindow()
    {
        _meter.Record(Now, 0, 0);
        _meter.Record(Now.AddSeconds(5), 500, 500);
        _meter.Record(Now.AddSeconds(60), 0, 0);
        _meter.Record(Now.AddSeconds(64), 200, 200);

        Assert.Equal(50, _meter.Rate(Now.AddSeconds(64))!.Value, 3);
    }
}

using System.Diagnostics.Metrics;

namespace Orleans.Sentiment.Tests.Telemetry;

/// <summary>Meters of one test only, so a listener that checks <see cref="Owns"/> does not observe parallel tests' instruments.</summary>
internal sealed class OwnMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public bool Owns(Meter meter) => _meters.Contains(meter);

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}

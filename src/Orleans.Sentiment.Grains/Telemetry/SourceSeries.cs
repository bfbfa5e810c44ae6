using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// Per-source gauges labelled by tenant and source, for the sources whose policy sets <c>exportMetrics</c>. They are
/// the only series with tenant labels, capped by Metrics:MaxSourceSeries per silo so the number of series stays bounded.
/// </summary>
public sealed partial class SourceSeries
{
    private readonly ConcurrentDictionary<SourceKey, (int Count, double NegativeRatio)> _values = new();
    private readonly int _capacity;
    private readonly ILogger<SourceSeries> _logger;
    private int _refusalLogged;

    public SourceSeries(IMeterFactory meterFactory, IOptions<MetricsOptions> options, ILogger<SourceSeries> logger)
    {
        _capacity = options.Value.MaxSourceSeries;
        _logger = logger;
        var meter = meterFactory.Create(Constants.MeterName);
        meter.CreateObservableGauge("orleans_sentiment_source_window_count", () => Measure(v => v.Count), "{comment}",
            "Comments in the window of each source that exports metrics.");
        meter.CreateObservableGauge("orleans_sentiment_source_negative_ratio", () => Measure(v => v.NegativeRatio), null,
            "Negative share of the window of each source that exports metrics.");
    }

    public int Count => _values.Count;

    /// <summary>Sets a source's values; false (and logged once) when the cap is reached and the source is new.</summary>
    public bool Publish(SourceKey source, int count, double negativeRatio)
    {
        if (!_values.ContainsKey(source) && _values.Count >= _capacity)
        {
            if (Interlocked.Exchange(ref _refusalLogged, 1) == 0)
            {
                LogCapReached(_logger, _capacity);
            }

            return false;
        }

        _values[source] = (count, negativeRatio);
        return true;
    }

    public void Remove(SourceKey source) => _values.TryRemove(source, out _);

    private IEnumerable<Measurement<T>> Measure<T>(Func<(int Count, double NegativeRatio), T> select)
        where T : struct =>
        _values.Select(p => new Measurement<T>(select(p.Value),
            new KeyValuePair<string, object?>("tenant", p.Key.Tenant),
            new KeyValuePair<string, object?>("source", p.Key.Source)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics:MaxSourceSeries ({Capacity}) reached: further sources with exportMetrics are not exported from this silo")]
    private static partial void LogCapReached(ILogger logger, int capacity);
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// Per-source gauges labelled by tenant and source, for the sources whose policy sets <c>exportMetrics</c>. They are
/// the only series with tenant labels, capped per silo by Metrics:MaxSourceSeries, and per tenant by
/// Metrics:MaxSourceSeriesPerTenant so that one tenant's sources cannot take every series.
/// </summary>
public sealed partial class SourceSeries
{
    private readonly Dictionary<SourceKey, (int Count, double NegativeRatio)> _values = [];
    private readonly Dictionary<string, int> _perTenant = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly int _capacity;
    private readonly int _tenantCapacity;
    private readonly ILogger<SourceSeries> _logger;
    private bool _refusalLogged;
    private bool _tenantRefusalLogged;

    public SourceSeries(IMeterFactory meterFactory, IOptions<MetricsOptions> options, ILogger<SourceSeries> logger)
    {
        _capacity = options.Value.MaxSourceSeries;
        _tenantCapacity = options.Value.MaxSourceSeriesPerTenant;
        _logger = logger;
        var meter = meterFactory.Create(Constants.MeterName);
        meter.CreateObservableGauge("orleans_sentiment_source_window_count", () => Measure(v => v.Count), "{comment}",
            "Comments in the window of each source that exports metrics.");
        meter.CreateObservableGauge("orleans_sentiment_source_negative_ratio", () => Measure(v => v.NegativeRatio), null,
            "Negative share of the window of each source that exports metrics.");
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _values.Count;
            }
        }
    }

    /// <summary>
    /// Sets a source's values; false when the source is new and the silo's or its tenant's cap is reached (the first
    /// refusal of each kind is logged).
    /// </summary>
    public bool Publish(SourceKey source, int count, double negativeRatio)
    {
        lock (_lock)
        {
            if (!_values.ContainsKey(source))
            {
                if (_values.Count >= _capacity)
                {
                    if (!_refusalLogged)
                    {
                        _refusalLogged = true;
                        LogCapReached(_logger, _capacity);
                    }

                    return false;
                }

                var held = _perTenant.GetValueOrDefault(source.Tenant);
                if (held >= _tenantCapacity)
                {
                    if (!_tenantRefusalLogged)
                    {
                        _tenantRefusalLogged = true;
                        LogTenantCapReached(_logger, _tenantCapacity, source.Tenant);
                    }

                    return false;
                }

                _perTenant[source.Tenant] = held + 1;
            }

            _values[source] = (count, negativeRatio);
            return true;
        }
    }

    public void Remove(SourceKey source)
    {
        lock (_lock)
        {
            if (!_values.Remove(source))
            {
                return;
            }

            var left = _perTenant[source.Tenant] - 1;
            if (left == 0)
            {
                _perTenant.Remove(source.Tenant);
            }
            else
            {
                _perTenant[source.Tenant] = left;
            }
        }
    }

    private List<Measurement<T>> Measure<T>(Func<(int Count, double NegativeRatio), T> select)
        where T : struct
    {
        lock (_lock)
        {
            return _values.Select(p => new Measurement<T>(select(p.Value),
                new KeyValuePair<string, object?>("tenant", p.Key.Tenant),
                new KeyValuePair<string, object?>("source", p.Key.Source))).ToList();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics:MaxSourceSeries ({Capacity}) reached: further sources with exportMetrics are not exported from this silo")]
    private static partial void LogCapReached(ILogger logger, int capacity);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics:MaxSourceSeriesPerTenant ({Capacity}) reached by tenant {Tenant}: its further sources with exportMetrics are not exported from this silo (logged once, for the first tenant that reaches it)")]
    private static partial void LogTenantCapReached(ILogger logger, int capacity, string tenant);
}

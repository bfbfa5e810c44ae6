using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Tests.Telemetry;

public sealed class SourceSeriesTests : IDisposable
{
    private readonly OwnMeterFactory _meters = new();

    [Fact]
    public void Publish_TenantAtItsCap_RefusesItsNewSourceButNotAnotherTenants()
    {
        var series = Series(silo: 10, perTenant: 2);

        var published = new[] { ("big", "a"), ("big", "b"), ("big", "c"), ("small", "a") }
            .Select(s => series.Publish(new SourceKey(s.Item1, s.Item2), 5, 0.2))
            .ToArray();

        Assert.Equal([true, true, false, true], published);
        Assert.Equal(["big/a", "big/b", "small/a"], Exported());
    }

    [Fact]
    public void Publish_KnownSourceOfATenantAtItsCap_StillUpdatesItsValues()
    {
        var series = Series(silo: 10, perTenant: 1);
        series.Publish(new SourceKey("big", "a"), 5, 0.2);

        Assert.True(series.Publish(new SourceKey("big", "a"), 7, 0.5));
        Assert.Equal(7, WindowCount("big/a"));
    }

    [Fact]
    public void Remove_SourceOfATenantAtItsCap_LetsThatTenantExportAnother()
    {
        var series = Series(silo: 10, perTenant: 2);
        series.Publish(new SourceKey("big", "a"), 5, 0.2);
        series.Publish(new SourceKey("big", "b"), 5, 0.2);

        series.Remove(new SourceKey("big", "a"));

        Assert.True(series.Publish(new SourceKey("big", "c"), 5, 0.2));
        Assert.False(series.Publish(new SourceKey("big", "d"), 5, 0.2));
        Assert.Equal(["big/b", "big/c"], Exported());
    }

    [Fact]
    public void Publish_SiloCapReachedByTenantsUnderTheirCap_RefusesNewSources()
    {
        var series = Series(silo: 3, perTenant: 2);
        series.Publish(new SourceKey("t1", "a"), 1, 0);
        series.Publish(new SourceKey("t2", "a"), 1, 0);
        series.Publish(new SourceKey("t3", "a"), 1, 0);

        Assert.False(series.Publish(new SourceKey("t4", "a"), 1, 0));
        Assert.Equal(3, series.Count);
    }

    [Fact]
    public void Remove_UnknownSource_ChangesNothing()
    {
        var series = Series(silo: 10, perTenant: 1);
        series.Publish(new SourceKey("big", "a"), 5, 0.2);

        series.Remove(new SourceKey("big", "never-published"));

        Assert.False(series.Publish(new SourceKey("big", "b"), 5, 0.2));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void Validate_PerTenantCapOutOfRange_NamesTheSetting(int value)
    {
        var options = new MetricsOptions { MaxSourceSeriesPerTenant = value };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Equal("Metrics:MaxSourceSeriesPerTenant must be between 0 and 100000.", Assert.Single(results).ErrorMessage);
    }

    [Fact]
    public void Publish_PerTenantCapAboveTheSiloCap_SiloCapBindsFirst()
    {
        var series = Series(silo: 2, perTenant: 100);
        series.Publish(new SourceKey("big", "a"), 1, 0);
        series.Publish(new SourceKey("big", "b"), 1, 0);

        Assert.False(series.Publish(new SourceKey("big", "c"), 1, 0));
    }

    [Fact]
    public void Defaults_PerTenantCap_IsWellBelowTheSiloCap()
    {
        var options = new MetricsOptions();

        Assert.True(options.MaxSourceSeriesPerTenant * 10 <= options.MaxSourceSeries, $"{options.MaxSourceSeriesPerTenant} of {options.MaxSourceSeries}");
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    public void Dispose() => _meters.Dispose();

    private SourceSeries Series(int silo, int perTenant) =>
        new(_meters, Microsoft.Extensions.Options.Options.Create(new MetricsOptions { MaxSourceSeries = silo, MaxSourceSeriesPerTenant = perTenant }), NullLogger<SourceSeries>.Instance);

    /// <summary>The "tenant/source" labels of the window-count gauge as a scrape would see them.</summary>
    private string[] Exported() => Observe().Select(m => m.Series).Order(StringComparer.Ordinal).ToArray();

    private double WindowCount(string series) => Observe().Single(m => m.Series == series).Value;

    private List<(string Series, double Value)> Observe()
    {
        var seen = new List<(string, double)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (_meters.Owns(instrument.Meter) && instrument.Name == "orleans_sentiment_source_window_count")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            var labels = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            seen.Add(($"{labels["tenant"]}/{labels["source"]}", value));
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return seen;
    }
}

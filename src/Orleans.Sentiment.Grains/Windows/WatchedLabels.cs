using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Windows;

/// <summary>
/// The labels a source's policy watches — its main share (the entries marked negative, or carrying its watched label)
/// and each further <see cref="AlertWatch"/> — with the long-run share of each, learnt from the entries that leave the
/// window. A watch the policy drops loses its baseline; a changed main share starts its baseline again.
/// </summary>
[GenerateSerializer, Alias("sentiment.WatchedLabels")]
public sealed class WatchedLabels
{
    [Id(0)]
    private readonly Dictionary<string, ShareBaseline> _baselines = new(StringComparer.Ordinal) { [AlertPolicy.MainWatchKey] = new() };

    [Id(1)]
    private List<AlertWatch> _watches = [];

    [Id(2)]
    private BaselineHorizon _horizon = new(AlertPolicy.DefaultBaselineHorizon, null);

    [Id(3)]
    private string? _mainLabel;

    /// <summary>Follows the policy: its further watches, its horizon, and what the main share counts.</summary>
    /// <returns>True when anything changed.</returns>
    public bool Follow(AlertPolicy policy)
    {
        var mainLabel = policy.WatchModel is { } model ? new AlertWatch(model, policy.WatchLabel!).Key : null;
        var watches = policy.Watches?.ToList() ?? [];
        var horizon = new BaselineHorizon(policy.BaselineHorizon, policy.BaselineHalfLife);
        if (mainLabel == _mainLabel && horizon == _horizon && watches.Select(w => w.Key).SequenceEqual(_watches.Select(w => w.Key)))
        {
            return false;
        }

        if (mainLabel != _mainLabel)
        {
            _baselines[AlertPolicy.MainWatchKey] = new ShareBaseline();
        }

        var keys = watches.Select(w => w.Key).Append(AlertPolicy.MainWatchKey).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _baselines.Keys.Where(k => !keys.Contains(k)).ToList())
        {
            _baselines.Remove(gone);
        }

        foreach (var key in keys)
        {
            _baselines.TryAdd(key, new ShareBaseline());
        }

        (_watches, _horizon, _mainLabel) = (watches, horizon, mainLabel);
        return true;
    }

    /// <summary>Learns from an entry leaving the window.</summary>
    public void Learn(WindowEntry entry, LabelTable labels)
    {
        _baselines[AlertPolicy.MainWatchKey].Learn(entry.IsNegative, entry.AtTicks, _horizon);
        foreach (var watch in _watches)
        {
            var id = labels.Find(watch.Model, watch.Label);
            _baselines[watch.Key].Learn(id >= 0 && entry.LabelIds.Contains((short)id), entry.AtTicks, _horizon);
        }
    }

    /// <summary>The window's counts for every watch, and their baselines.</summary>
    public WindowCounts Counts(int count, int negativeCount, LabelTable labels, DateTimeOffset at)
    {
        var main = _baselines[AlertPolicy.MainWatchKey];
        return new WindowCounts(count, negativeCount, at)
        {
            Baseline = main.Share,
            BaselineComments = main.Comments,
            Watches = _watches
                .Select(w => (Watch: w, Baseline: _baselines[w.Key]))
                .Select(p => new WatchCounts(p.Watch.Key, count, labels.CountOf(labels.Find(p.Watch.Model, p.Watch.Label)), p.Baseline.Share, p.Baseline.Comments))
                .ToArray(),
        };
    }
}

using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Inference;

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

    /// <summary>The shortest recent part of the window that is judged on its own: the policy's minimum count.</summary>
    [Id(4)]
    private int _shortestScale = AlertPolicy.Default.MinCount;

    /// <summary>The main share's long-run level and the comments it learnt from.</summary>
    public (double? Share, long Comments) MainBaseline => (_baselines[AlertPolicy.MainWatchKey].Share, _baselines[AlertPolicy.MainWatchKey].Comments);

    /// <summary>Follows the policy: its further watches, its horizon, and what the main share counts.</summary>
    /// <returns>True when anything changed.</returns>
    public bool Follow(AlertPolicy policy)
    {
        var mainLabel = policy.WatchModel is { } model ? new AlertWatch(model, policy.WatchLabel!).Key : null;
        var watches = policy.Watches?.ToList() ?? [];
        var horizon = new BaselineHorizon(policy.BaselineHorizon, policy.BaselineHalfLife);
        var unchanged = mainLabel == _mainLabel && horizon == _horizon && policy.MinCount == _shortestScale;
        if (unchanged && watches.Select(w => w.Key).SequenceEqual(_watches.Select(w => w.Key)))
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

        (_watches, _horizon, _mainLabel, _shortestScale) = (watches, horizon, mainLabel, policy.MinCount);
        return true;
    }

    /// <summary>Learns from an entry leaving the window.</summary>
    public void Learn(WindowEntry entry, LabelTable labels)
    {
        if (!entry.OutsideShare)
        {
            _baselines[AlertPolicy.MainWatchKey].Learn(entry.IsNegative, entry.AtTicks, _horizon);
        }

        foreach (var watch in _watches)
        {
            if (!Unread(entry, labels.Find(watch.Model, Prediction.UnsupportedLanguageLabel)))
            {
                var id = labels.Find(watch.Model, watch.Label);
                _baselines[watch.Key].Learn(id >= 0 && entry.LabelIds.Contains((short)id), entry.AtTicks, _horizon);
            }
        }
    }

    /// <summary>
    /// The window's counts for every watch, in the whole window and its recent parts, and their baselines. Each watch
    /// counts only the comments its model read: one in a language the model does not read is in no share of it.
    /// </summary>
    public WindowCounts Counts(IReadOnlyCollection<WindowEntry> entries, LabelTable labels, DateTimeOffset at)
    {
        var main = _baselines[AlertPolicy.MainWatchKey];
        var mainCounts = Count(entries, e => !e.OutsideShare, e => e.IsNegative);
        var watches = _watches.Select(w =>
        {
            var (unread, id) = (labels.Find(w.Model, Prediction.UnsupportedLanguageLabel), labels.Find(w.Model, w.Label));
            var (count, hits, scales, recent) = Count(entries, e => !Unread(e, unread), e => id >= 0 && e.LabelIds.Contains((short)id));
            return new WatchCounts(w.Key, count, hits, _baselines[w.Key].Share, _baselines[w.Key].Comments) { Scales = scales, RecentHits = recent };
        });
        return new WindowCounts(mainCounts.Count, mainCounts.Hits, at)
        {
            Baseline = main.Share,
            BaselineComments = main.Comments,
            Scales = mainCounts.Scales,
            RecentNegatives = mainCounts.Recent,
            Watches = [.. watches],
        };
    }

    private static bool Unread(WindowEntry entry, int unsupportedId) => unsupportedId >= 0 && entry.LabelIds.Contains((short)unsupportedId);

    /// <summary>Of the entries a share judges: how many, how many are hits, and the hits among the last of each scale.</summary>
    private (int Count, int Hits, int[] Scales, int[] Recent) Count(IReadOnlyCollection<WindowEntry> entries, Func<WindowEntry, bool> judged, Func<WindowEntry, bool> hit)
    {
        var flags = entries.Where(judged).Select(hit).ToArray();
        var scales = Scales(flags.Length);
        var recent = new int[scales.Length];
        for (var i = 0; i < flags.Length; i++)
        {
            if (!flags[i])
            {
                continue;
            }

            // Flags run oldest first: this one is among the last k when fewer than k follow it.
            var following = flags.Length - i;
            for (var s = 0; s < scales.Length; s++)
            {
                recent[s] += following <= scales[s] ? 1 : 0;
            }
        }

        return (flags.Length, flags.Count(f => f), scales, recent);
    }

    /// <summary>The minimum count, doubling, up to the whole window (always last).</summary>
    private int[] Scales(int count)
    {
        var scales = new List<int>();
        for (var length = Math.Max(1, _shortestScale); length < count; length *= 2)
        {
            scales.Add(length);
        }

        scales.Add(count);
        return [.. scales];
    }
}

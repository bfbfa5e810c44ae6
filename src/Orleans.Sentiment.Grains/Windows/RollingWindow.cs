using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Windows;

/// <summary>
/// The labels of a source's last N classified comments — and only those of the last T when a duration is set — with
/// counts kept up to date as comments arrive and leave. Entries hold small label numbers rather than strings, so the
/// window's memory is a fixed few dozen bytes per comment whatever the labels are.
/// </summary>
[GenerateSerializer, Alias("sentiment.RollingWindow")]
public sealed class RollingWindow
{
    [Id(0)]
    private readonly Queue<WindowEntry> _entries = new();

    [Id(1)]
    private readonly LabelTable _labels = new();

    [Id(2)]
    private int _negativeCount;

    [Id(3)]
    private int _capacity;

    [Id(4)]
    private TimeSpan? _duration;

    // Null in a window stored before labels were watched.
    [Id(5)]
    private WatchedLabels? _watched;

    /// <summary>Where the window counts languages: a model name no model can have.</summary>
    public const string LanguageKey = "#language";

    /// <summary>The language of a comment whose language could not be told (no words, or identification off).</summary>
    public const string UnknownLanguage = "und";

    public RollingWindow(int capacity, TimeSpan? duration = null) => Reshape(capacity, duration);

    public int Capacity => _capacity;

    public TimeSpan? Duration => _duration;

    public int Count => _entries.Count;

    private WatchedLabels Watched => _watched ??= new();

    public int NegativeCount => _negativeCount;

    public double NegativeRatio => Share(_negativeCount, _entries.Count - _entries.Count(e => e.OutsideShare));

    /// <summary>Follows the labels the policy watches; true when that changed anything.</summary>
    public bool Watch(AlertPolicy policy) => Watched.Follow(policy);

    /// <summary>The counts an alert grain decides on: the main share and every watched label, with their baselines, as of <paramref name="at"/>.</summary>
    public WindowCounts Counts(DateTimeOffset at) => Watched.Counts(_entries, _labels, at);

    /// <summary>
    /// Adds one classified comment: its window label, whether that counts as negative, every model's label, whether the
    /// main share leaves it out (its window model does not read its language), and its language (null: not told).
    /// </summary>
    public void Add(DateTimeOffset at, string windowModel, bool isNegative, IEnumerable<KeyValuePair<string, string>> labelsByModel, bool outsideShare = false, string? language = null)
    {
        var ids = labelsByModel
            .Append(KeyValuePair.Create(LanguageKey, language ?? UnknownLanguage))
            .Select(p => _labels.Add(p.Key, p.Value))
            .ToArray();
        _entries.Enqueue(new WindowEntry(at.UtcTicks, isNegative, ids) { OutsideShare = outsideShare });
        _labels.WindowModel = windowModel;
        _negativeCount += isNegative ? 1 : 0;
        TrimToCapacity();
    }

    /// <summary>Changes how many comments, and how long back, the window holds; drops the oldest when it shrinks.</summary>
    public void Reshape(int capacity, TimeSpan? duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _duration = duration;
        TrimToCapacity();
    }

    /// <summary>Drops comments older than the window's duration; true when any left.</summary>
    public bool Expire(DateTimeOffset now)
    {
        if (_duration is not { } duration)
        {
            return false;
        }

        var oldestKept = (now - duration).UtcTicks;
        var before = _entries.Count;
        while (_entries.TryPeek(out var oldest) && oldest.AtTicks < oldestKept)
        {
            Remove(_entries.Dequeue());
        }

        return _entries.Count != before;
    }

    /// <summary>The window as of <paramref name="now"/>: comments past the duration are left out without being removed, so reading never changes state.</summary>
    public WindowSnapshot Snapshot(bool alerting, DateTimeOffset? now = null)
    {
        var expired = now is { } at && _duration is { } duration
            ? _entries.TakeWhile(e => e.AtTicks < (at - duration).UtcTicks).ToList()
            : [];
        var count = _entries.Count - expired.Count;
        var negative = _negativeCount - expired.Count(e => e.IsNegative);
        var judged = count - _entries.Skip(expired.Count).Count(e => e.OutsideShare);
        var byModel = _labels.CountsByModel(expired.SelectMany(e => e.LabelIds));
        var languages = byModel.Remove(LanguageKey, out var counted) ? counted : new Dictionary<string, int>();
        var windowLabels = _labels.WindowModel is { } model && byModel.TryGetValue(model, out var counts)
            ? counts
            : new Dictionary<string, int>();
        var (baseline, learnt) = Watched.MainBaseline;
        return new WindowSnapshot(count, windowLabels, negative, Share(negative, judged), alerting, _capacity, _duration, byModel)
        {
            Baseline = baseline,
            BaselineComments = learnt,
            LanguageCounts = languages,
            SharedComments = judged,
        };
    }

    private static double Share(int hits, int judged) => judged <= 0 ? 0 : (double)hits / judged;

    private void TrimToCapacity()
    {
        while (_entries.Count > _capacity)
        {
            Remove(_entries.Dequeue());
        }
    }

    private void Remove(WindowEntry entry)
    {
        // Learnt before its labels are released, while their numbers still name them.
        Watched.Learn(entry, _labels);
        foreach (var id in entry.LabelIds)
        {
            _labels.Release(id);
        }

        _negativeCount -= entry.IsNegative ? 1 : 0;
    }
}

/// <summary>
/// One comment in the window: when it was counted, whether it was negative, its label number per model (and its
/// language's), and whether the main share leaves it out because the window's model does not read its language.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.WindowEntry")]
public sealed record WindowEntry([property: Id(0)] long AtTicks, [property: Id(1)] bool IsNegative, [property: Id(2)] short[] LabelIds)
{
    [Id(3)]
    public bool OutsideShare { get; init; }
}

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

    public RollingWindow(int capacity, TimeSpan? duration = null) => Reshape(capacity, duration);

    public int Capacity => _capacity;

    public TimeSpan? Duration => _duration;

    public int Count => _entries.Count;

    public int NegativeCount => _negativeCount;

    public double NegativeRatio => _entries.Count == 0 ? 0 : (double)_negativeCount / _entries.Count;

    /// <summary>Adds one classified comment: its window label, whether that counts as negative, and every model's label.</summary>
    public void Add(DateTimeOffset at, string windowModel, bool isNegative, IEnumerable<KeyValuePair<string, string>> labelsByModel)
    {
        var ids = labelsByModel.Select(p => _labels.Add(p.Key, p.Value)).ToArray();
        _entries.Enqueue(new WindowEntry(at.UtcTicks, isNegative, ids));
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

    public WindowSnapshot Snapshot(bool alerting)
    {
        var byModel = _labels.CountsByModel();
        var windowLabels = _labels.WindowModel is { } model && byModel.TryGetValue(model, out var counts)
            ? counts
            : new Dictionary<string, int>();
        return new WindowSnapshot(Count, windowLabels, _negativeCount, NegativeRatio, alerting, _capacity, _duration, byModel);
    }

    private void TrimToCapacity()
    {
        while (_entries.Count > _capacity)
        {
            Remove(_entries.Dequeue());
        }
    }

    private void Remove(WindowEntry entry)
    {
        foreach (var id in entry.LabelIds)
        {
            _labels.Release(id);
        }

        _negativeCount -= entry.IsNegative ? 1 : 0;
    }
}

/// <summary>One comment in the window: when it was counted, whether it was negative, and its label number per model.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.WindowEntry")]
public sealed record WindowEntry([property: Id(0)] long AtTicks, [property: Id(1)] bool IsNegative, [property: Id(2)] short[] LabelIds);

using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Windows;

/// <summary>The labels of the last N classified comments, with counts kept up to date as comments arrive and leave.</summary>
[GenerateSerializer, Alias("sentiment.RollingWindow")]
public sealed class RollingWindow
{
    [Id(0)]
    private readonly Queue<WindowEntry> _entries = new();

    [Id(1)]
    private readonly Dictionary<string, int> _labelCounts = new(StringComparer.Ordinal);

    [Id(2)]
    private int _negativeCount;

    [Id(3)]
    private int _capacity;

    public RollingWindow(int capacity) => Resize(capacity);

    public int Capacity => _capacity;

    public int Count => _entries.Count;

    public int NegativeCount => _negativeCount;

    public double NegativeRatio => _entries.Count == 0 ? 0 : (double)_negativeCount / _entries.Count;

    public void Add(string label, bool isNegative)
    {
        _entries.Enqueue(new WindowEntry(label, isNegative));
        _labelCounts[label] = _labelCounts.GetValueOrDefault(label) + 1;
        _negativeCount += isNegative ? 1 : 0;
        TrimToCapacity();
    }

    /// <summary>Changes how many comments the window holds, dropping the oldest when it shrinks.</summary>
    public void Resize(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        TrimToCapacity();
    }

    public WindowSnapshot Snapshot(bool alerting) =>
        new(Count, new Dictionary<string, int>(_labelCounts), _negativeCount, NegativeRatio, alerting);

    private void TrimToCapacity()
    {
        while (_entries.Count > _capacity)
        {
            var oldest = _entries.Dequeue();
            if (--_labelCounts[oldest.Label] == 0)
            {
                _labelCounts.Remove(oldest.Label);
            }

            _negativeCount -= oldest.IsNegative ? 1 : 0;
        }
    }
}

[GenerateSerializer, Immutable, Alias("sentiment.WindowEntry")]
public sealed record WindowEntry([property: Id(0)] string Label, [property: Id(1)] bool IsNegative);

namespace Orleans.Sentiment.Grains.Windows;

/// <summary>
/// The distinct (model, label) pairs a window has seen, numbered, with how many window entries carry each. Entries
/// store the numbers, so a label string is kept once per source instead of once per comment.
/// </summary>
[GenerateSerializer, Alias("sentiment.LabelTable")]
public sealed class LabelTable
{
    /// <summary>More distinct labels than any classifier head has; guards the short numbers.</summary>
    private const int MaxLabels = short.MaxValue;

    [Id(0)]
    private readonly List<string> _models = [];

    [Id(1)]
    private readonly List<string> _labels = [];

    [Id(2)]
    private readonly List<int> _counts = [];

    /// <summary>The model whose labels are the window's labels.</summary>
    [Id(3)]
    public string? WindowModel { get; set; }

    public short Add(string model, string label)
    {
        var id = IndexOf(model, label);
        if (id < 0)
        {
            if (_labels.Count >= MaxLabels)
            {
                throw new InvalidOperationException($"A window cannot hold more than {MaxLabels} distinct labels.");
            }

            _models.Add(model);
            _labels.Add(label);
            _counts.Add(0);
            id = _labels.Count - 1;
        }

        _counts[id]++;
        return (short)id;
    }

    public void Release(short id) => _counts[id]--;

    /// <summary>The number of (model, label), or -1 when no entry has carried it yet.</summary>
    public int Find(string model, string label) => IndexOf(model, label);

    /// <summary>How many entries now carry label number <paramref name="id"/>; 0 for -1.</summary>
    public int CountOf(int id) => id < 0 ? 0 : _counts[id];

    /// <summary>Label counts per model, less the given entries' labels, leaving out labels no entry carries any more.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, int>> CountsByModel(IEnumerable<short>? leftOut = null)
    {
        var counts = _counts.ToArray();
        foreach (var id in leftOut ?? [])
        {
            counts[id]--;
        }

        var result = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (var i = 0; i < _labels.Count; i++)
        {
            if (counts[i] <= 0)
            {
                continue;
            }

            if (!result.TryGetValue(_models[i], out var modelCounts))
            {
                result[_models[i]] = modelCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            modelCounts[_labels[i]] = counts[i];
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal);
    }

    private int IndexOf(string model, string label)
    {
        for (var i = 0; i < _labels.Count; i++)
        {
            if (string.Equals(_labels[i], label, StringComparison.Ordinal) && string.Equals(_models[i], model, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

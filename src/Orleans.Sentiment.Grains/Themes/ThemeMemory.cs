using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Themes;

namespace Orleans.Sentiment.Grains.Themes;

/// <summary>
/// A source's last comments with the sentence embedding their classification returned (the pooled vector of the same
/// model call: no second call), their text and each model's label, for grouping into themes. Bounded: the oldest leave
/// first; embeddings are kept in half precision. In memory only.
/// </summary>
public sealed class ThemeMemory(int capacity)
{
    private readonly Queue<Entry> _entries = new();

    public int Count => _entries.Count;

    /// <summary>Keeps a classified comment when one of its predictions carries an embedding.</summary>
    public void Add(string id, string text, IReadOnlyDictionary<string, Prediction> predictions)
    {
        if (capacity == 0 || predictions.Values.FirstOrDefault(p => p.Embedding is { Length: > 0 })?.Embedding is not { } embedding)
        {
            return;
        }

        var half = new Half[embedding.Length];
        for (var i = 0; i < embedding.Length; i++)
        {
            half[i] = (Half)embedding[i];
        }

        _entries.Enqueue(new Entry(id, text, predictions.ToDictionary(p => p.Key, p => p.Value.Label, StringComparer.Ordinal), half));
        while (_entries.Count > capacity)
        {
            _entries.Dequeue();
        }
    }

    /// <summary>
    /// The comments <paramref name="model"/> labelled <paramref name="label"/> (any model when null), and the texts of the
    /// others, the background the themes are named against.
    /// </summary>
    public (IReadOnlyList<ThemeInput> Focus, IReadOnlyList<string> Background) Select(string? model, string label)
    {
        var focus = new List<ThemeInput>();
        var background = new List<string>();
        foreach (var entry in _entries)
        {
            var labelled = model is null
                ? entry.Labels.Values.Any(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase))
                : entry.Labels.TryGetValue(model, out var l) && string.Equals(l, label, StringComparison.OrdinalIgnoreCase);
            if (labelled)
            {
                focus.Add(new ThemeInput(entry.Id, entry.Text, Array.ConvertAll(entry.Embedding, h => (float)h)));
            }
            else
            {
                background.Add(entry.Text);
            }
        }

        return (focus, background);
    }

    private sealed record Entry(string Id, string Text, Dictionary<string, string> Labels, Half[] Embedding);
}

using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Themes;

namespace Orleans.Sentiment.Grains.Themes;

/// <summary>
/// A source's last comments, with their text, each model's label and the vector they are grouped by: the pooled vector
/// their classification returned (<see cref="ThemesOptions.ClassifierEmbedding"/>: kept as the comment arrives, from the
/// same model call) or the sentence encoder's (filled in by <see cref="Keep"/> when themes are first asked for the
/// comment). Bounded: the oldest leave first; vectors are kept in half precision. In memory only.
/// </summary>
public sealed class ThemeMemory(int capacity, bool sentenceEncoder)
{
    private readonly Queue<Entry> _entries = new();

    public int Count => _entries.Count;

    /// <summary>Whether vectors come from the sentence encoder, on demand, rather than with the classification.</summary>
    public bool EmbedsOnDemand => sentenceEncoder;

    /// <summary>
    /// Keeps a classified comment: always when embedding on demand, else when one of its predictions carries the
    /// model's pooled vector.
    /// </summary>
    public void Add(string id, string text, IReadOnlyDictionary<string, Prediction> predictions)
    {
        if (capacity == 0)
        {
            return;
        }

        Half[]? vector = null;
        if (!sentenceEncoder)
        {
            if (predictions.Values.FirstOrDefault(p => p.Embedding is { Length: > 0 })?.Embedding is not { } embedding)
            {
                return;
            }

            vector = ToHalf(embedding);
        }

        _entries.Enqueue(new Entry(id, text, predictions.ToDictionary(p => p.Key, p => p.Value.Label, StringComparer.Ordinal)) { Vector = vector });
        while (_entries.Count > capacity)
        {
            _entries.Dequeue();
        }
    }

    /// <summary>The comments <paramref name="model"/> labelled <paramref name="label"/> (any model when null), oldest first.</summary>
    public IReadOnlyList<Entry> Labelled(string? model, string label) => [.. _entries.Where(e => Labelled(e, model, label))];

    /// <summary>How many of the last <paramref name="recent"/> comments <paramref name="model"/> labelled <paramref name="label"/>.</summary>
    public int LabelledAmongLast(string? model, string label, int recent) =>
        _entries.Skip(Math.Max(0, _entries.Count - recent)).Count(e => Labelled(e, model, label));

    /// <summary>Gives <paramref name="entries"/> their sentence embeddings, in order (entries that left meanwhile are simply dropped).</summary>
    public static void Keep(IReadOnlyList<Entry> entries, IReadOnlyList<float[]> vectors)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].Vector = ToHalf(vectors[i]);
        }
    }

    /// <summary>
    /// The <paramref name="chosen"/> comments (picked from <see cref="Labelled(string?, string)"/>) that have a vector,
    /// and the texts of every other remembered comment, the background the themes are named against (older comments of
    /// the label included: a spike's themes say what is new). The chosen ones stay chosen if they left meanwhile.
    /// </summary>
    public (IReadOnlyList<ThemeInput> Focus, IReadOnlyList<string> Background) Select(IReadOnlyList<Entry> chosen)
    {
        var focus = chosen.Where(e => e.Vector is not null).Select(e => new ThemeInput(e.Id, e.Text, Array.ConvertAll(e.Vector!, h => (float)h))).ToList();
        var members = chosen.ToHashSet();
        return (focus, [.. _entries.Where(e => !members.Contains(e)).Select(e => e.Text)]);
    }

    private static bool Labelled(Entry entry, string? model, string label) => model is null
        ? entry.Labels.Values.Any(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase))
        : entry.Labels.TryGetValue(model, out var l) && string.Equals(l, label, StringComparison.OrdinalIgnoreCase);

    private static Half[] ToHalf(float[] vector)
    {
        var half = new Half[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            half[i] = (Half)vector[i];
        }

        return half;
    }

    /// <summary>One remembered comment (compared by reference); its vector is set once, by the grain's turn that embedded it.</summary>
    public sealed class Entry(string id, string text, Dictionary<string, string> labels)
    {
        public string Id { get; } = id;

        public string Text { get; } = text;

        public Dictionary<string, string> Labels { get; } = labels;

        public Half[]? Vector { get; set; }
    }
}

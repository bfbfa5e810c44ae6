namespace Orleans.Sentiment.Themes;

/// <summary>
/// Each comment as one unit vector in two parts: its L2-normalised embedding (dense) and the L2-normalised
/// TF-IDF of its words (sparse), weighted by <see cref="ThemeOptions.WordWeight"/>. Words carry the reasons ("late", "bag", "cancelled") that a
/// sentence embedding of a raw tweet mixes with its addressee and tone. The embedding is moved by the offset of its
/// addressee's comments (the @handle it starts with) from all comments' mean: among mixed addressees that offset would
/// cluster comments by whom they were sent to instead of by what they are about.
/// </summary>
internal sealed class ThemeFeatures
{
    /// <summary>The fewest comments to one addressee whose mean is trusted as that addressee's offset.</summary>
    public const int MinAddresseeComments = 10;

    private ThemeFeatures(int count, int width, float[] dense, int[][] wordIndex, float[][] wordValue, int vocabulary)
    {
        Count = count;
        Width = width;
        Dense = dense;
        WordIndex = wordIndex;
        WordValue = wordValue;
        Vocabulary = vocabulary;
    }

    public int Count { get; }

    /// <summary>Width of the dense (embedding) part.</summary>
    public int Width { get; }

    /// <summary>[Count × Width], row-major.</summary>
    public float[] Dense { get; }

    public int[][] WordIndex { get; }

    public float[][] WordValue { get; }

    public int Vocabulary { get; }

    public ReadOnlySpan<float> Row(int i) => Dense.AsSpan(i * Width, Width);

    public static ThemeFeatures Build(IReadOnlyList<ThemeInput> inputs, IReadOnlyList<List<string>> words, ThemeOptions options)
    {
        var count = inputs.Count;
        var width = inputs[0].Embedding.Length;
        var dense = new float[count * width];
        var mean = new float[width];
        for (var i = 0; i < count; i++)
        {
            var embedding = inputs[i].Embedding;
            if (embedding.Length != width)
            {
                throw new ArgumentException($"Comment {inputs[i].Id} has an embedding of {embedding.Length} floats; the first has {width}.", nameof(inputs));
            }

            var row = dense.AsSpan(i * width, width);
            embedding.CopyTo(row);
            Normalize(row);
            VectorMath.AddScaled(row, 1f / count, mean);
        }

        RemoveAddresseeOffsets(inputs, dense, width, mean);

        var (index, value, vocabulary) = WordVectors(words, options.MinWordComments);
        var weight = options.WordWeight;
        for (var i = 0; i < count; i++)
        {
            if (index[i].Length == 0)
            {
                continue;
            }

            // Both parts are unit vectors: scaling them by 1/√(1+w²) and w/√(1+w²) keeps the whole a unit vector.
            var norm = MathF.Sqrt(1 + weight * weight);
            VectorMath.Scale(dense.AsSpan(i * width, width), 1 / norm);
            VectorMath.Scale(value[i], weight / norm);
        }

        return new ThemeFeatures(count, width, dense, index, value, vocabulary);
    }

    private static void RemoveAddresseeOffsets(IReadOnlyList<ThemeInput> inputs, float[] dense, int width, float[] mean)
    {
        foreach (var members in ByAddressee(inputs).Values)
        {
            if (members.Count < MinAddresseeComments || members.Count == inputs.Count)
            {
                continue;
            }

            var offset = new float[width];
            foreach (var i in members)
            {
                VectorMath.AddScaled(dense.AsSpan(i * width, width), 1f / members.Count, offset);
            }

            VectorMath.AddScaled(mean, -1f, offset);
            foreach (var i in members)
            {
                var row = dense.AsSpan(i * width, width);
                VectorMath.AddScaled(offset, -1f, row);
                Normalize(row);
            }
        }
    }

    /// <summary>The comments grouped by the @handle they start with (case-insensitive); those with none are not grouped.</summary>
    private static Dictionary<string, List<int>> ByAddressee(IReadOnlyList<ThemeInput> inputs)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < inputs.Count; i++)
        {
            var text = inputs[i].Text.AsSpan().TrimStart();
            if (text.Length < 2 || text[0] != '@')
            {
                continue;
            }

            var end = 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            var handle = text[..end].ToString();
            if (!groups.TryGetValue(handle, out var members))
            {
                groups[handle] = members = [];
            }

            members.Add(i);
        }

        return groups;
    }

    private static (int[][] Index, float[][] Value, int Vocabulary) WordVectors(IReadOnlyList<List<string>> words, int minComments)
    {
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var comment in words)
        {
            foreach (var word in new HashSet<string>(comment, StringComparer.Ordinal))
            {
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
            }
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, frequency) in documentFrequency)
        {
            if (frequency >= minComments)
            {
                ids[word] = ids.Count;
            }
        }

        var idf = new float[ids.Count];
        foreach (var (word, id) in ids)
        {
            idf[id] = MathF.Log((1f + words.Count) / (1f + documentFrequency[word])) + 1;
        }

        var index = new int[words.Count][];
        var value = new float[words.Count][];
        for (var i = 0; i < words.Count; i++)
        {
            var counts = new SortedDictionary<int, int>();
            foreach (var word in words[i])
            {
                if (ids.TryGetValue(word, out var id))
                {
                    counts[id] = counts.GetValueOrDefault(id) + 1;
                }
            }

            index[i] = [.. counts.Keys];
            value[i] = new float[counts.Count];
            var k = 0;
            foreach (var (id, n) in counts)
            {
                value[i][k++] = (1 + MathF.Log(n)) * idf[id];
            }

            Normalize(value[i]);
        }

        return (index, value, ids.Count);
    }

    private static void Normalize(Span<float> x)
    {
        var norm = MathF.Sqrt(VectorMath.Dot(x, x));
        if (norm > 0)
        {
            VectorMath.Scale(x, 1 / norm);
        }
    }
}

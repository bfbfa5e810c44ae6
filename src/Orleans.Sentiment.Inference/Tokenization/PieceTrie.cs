namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>A character trie of vocabulary pieces, walked one UTF-16 unit at a time for common-prefix search.</summary>
internal sealed class PieceTrie
{
    public const int Root = 0;
    private readonly Dictionary<long, int> _edges = [];
    private readonly List<int> _pieces = [-1];

    public void Add(string piece, int id)
    {
        if (piece.Length == 0)
        {
            return;
        }

        var node = Root;
        foreach (var c in piece)
        {
            var key = Key(node, c);
            if (!_edges.TryGetValue(key, out var next))
            {
                next = _pieces.Count;
                _pieces.Add(-1);
                _edges[key] = next;
            }

            node = next;
        }

        _pieces[node] = id;
    }

    /// <summary>Moves to the child for <paramref name="c"/>; false when no piece continues with it.</summary>
    public bool TryStep(ref int node, char c) => _edges.TryGetValue(Key(node, c), out node);

    /// <summary>The id of the piece that ends at <paramref name="node"/>, or -1.</summary>
    public int PieceAt(int node) => _pieces[node];

    private static long Key(int node, char c) => ((long)node << 16) | c;
}

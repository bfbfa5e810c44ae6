namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// An open-addressing table from token text to id, probed with a hash the caller computes incrementally, so that
/// WordPiece can hash every prefix of a word in one forward pass and try them longest first without rehashing.
/// </summary>
internal sealed class SpanTokenTable
{
    private readonly int[] _hashes;
    private readonly int[] _ids;
    private readonly int[] _offsets;
    private readonly int[] _lengths;
    private readonly char[] _text;
    private readonly int _mask;

    public SpanTokenTable(IEnumerable<KeyValuePair<string, int>> tokens)
    {
        var entries = tokens.ToArray();
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, entries.Length * 2));
        _mask = capacity - 1;
        _hashes = new int[capacity];
        _ids = new int[capacity];
        _offsets = new int[capacity];
        _lengths = new int[capacity];
        Array.Fill(_lengths, -1);
        _text = new char[entries.Sum(e => e.Key.Length)];
        var written = 0;
        foreach (var (token, id) in entries)
        {
            var hash = Hash(token);
            var slot = hash & _mask;
            while (_lengths[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            token.CopyTo(_text.AsSpan(written));
            (_hashes[slot], _ids[slot], _offsets[slot], _lengths[slot]) = (hash, id, written, token.Length);
            written += token.Length;
        }
    }

    public const int InitialHash = unchecked((int)2166136261);

    /// <summary>Extends a hash by one UTF-16 unit (FNV-1a).</summary>
    public static int Extend(int hash, char c) => unchecked((hash ^ c) * 16777619);

    public static int Hash(ReadOnlySpan<char> text)
    {
        var hash = InitialHash;
        foreach (var c in text)
        {
            hash = Extend(hash, c);
        }

        return hash;
    }

    public bool TryGetValue(ReadOnlySpan<char> token, int hash, out int id)
    {
        var slot = hash & _mask;
        while (true)
        {
            var length = _lengths[slot];
            if (length < 0)
            {
                id = 0;
                return false;
            }

            if (_hashes[slot] == hash && length == token.Length && token.SequenceEqual(_text.AsSpan(_offsets[slot], length)))
            {
                id = _ids[slot];
                return true;
            }

            slot = (slot + 1) & _mask;
        }
    }
}

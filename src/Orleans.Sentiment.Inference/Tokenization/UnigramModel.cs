using System.Buffers;
using System.Text;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// SentencePiece Unigram segmentation exactly as Hugging Face's Rust <c>Unigram</c> model does it: Viterbi over every
/// vocabulary piece (special and byte pieces included) that starts at each character, ties kept by the first
/// (shortest) piece; a character no piece starts with scores min score - 10 as unknown; neighbouring unknowns fuse
/// into one token; with <c>byte_fallback</c> a token missing from the vocabulary becomes its UTF-8 bytes
/// (<c>&lt;0xXX&gt;</c>), else the unknown id.
/// </summary>
internal sealed class UnigramModel
{
    private const double UnknownPenalty = 10.0;
    private readonly double[] _scores;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _idLookup;
    private readonly PieceTrie _trie = new();
    private readonly int _unknownId;
    private readonly double _unknownScore;
    private readonly int[]? _byteIds;

    public UnigramModel(IReadOnlyList<(string Piece, double Score)> vocabulary, int unknownId, bool byteFallback)
    {
        _scores = [.. vocabulary.Select(v => v.Score)];
        var minScore = double.PositiveInfinity;
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var (piece, score) = vocabulary[id];
            _ids[piece] = id;
            minScore = Math.Min(minScore, score);
        }

        // The trie finds a piece's last id, as Rust's piece → id map does when a piece appears twice.
        foreach (var (piece, id) in _ids)
        {
            _trie.Add(piece, id);
        }

        _idLookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _unknownId = unknownId;
        _unknownScore = minScore - UnknownPenalty;
        if (byteFallback)
        {
            _byteIds = new int[256];
            for (var b = 0; b < 256; b++)
            {
                _byteIds[b] = _ids.TryGetValue($"<0x{b:X2}>", out var byteId) ? byteId : -1;
            }
        }
    }

    /// <summary>Appends the ids of one pre-tokenized word.</summary>
    public void Append(ReadOnlySpan<char> text, ref IdBuffer ids)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var size = text.Length + 1;
        var scores = ArrayPool<double>.Shared.Rent(size);
        var starts = ArrayPool<int>.Shared.Rent(size);
        var nodeIds = ArrayPool<int>.Shared.Rent(size);
        try
        {
            Array.Fill(starts, -1, 0, size);
            Viterbi(text, scores, starts, nodeIds);
            AppendBestPath(text, starts, nodeIds, ref ids);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<int>.Shared.Return(nodeIds);
        }
    }

    private void Viterbi(ReadOnlySpan<char> text, double[] scores, int[] starts, int[] nodeIds)
    {
        scores[0] = 0;
        for (var start = 0; start < text.Length;)
        {
            var scoreHere = scores[start];
            var charLength = char.IsHighSurrogate(text[start]) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]) ? 2 : 1;
            var hasSingleCharPiece = false;
            var node = PieceTrie.Root;
            for (var end = start; end < text.Length && _trie.TryStep(ref node, text[end]);)
            {
                end++;
                if (_trie.PieceAt(node) is var id && id < 0)
                {
                    continue;
                }

                var candidate = _scores[id] + scoreHere;
                if (starts[end] < 0 || candidate > scores[end])
                {
                    scores[end] = candidate;
                    starts[end] = start;
                    nodeIds[end] = id;
                }

                hasSingleCharPiece |= end - start == charLength;
            }

            if (!hasSingleCharPiece)
            {
                var end = start + charLength;
                var candidate = _unknownScore + scoreHere;
                if (starts[end] < 0 || candidate > scores[end])
                {
                    scores[end] = candidate;
                    starts[end] = start;
                    nodeIds[end] = _unknownId;
                }
            }

            start += charLength;
        }
    }

    /// <summary>Walks the best path back from the end; runs of unknowns become one token, as Rust's fuse_unk does.</summary>
    private void AppendBestPath(ReadOnlySpan<char> text, int[] starts, int[] nodeIds, ref IdBuffer ids)
    {
        var tokens = new List<(int Start, int End, int Id)>();
        for (var end = text.Length; end > 0;)
        {
            var start = starts[end];
            var id = nodeIds[end];
            if (id == _unknownId && tokens.Count > 0 && tokens[^1].Id == _unknownId)
            {
                tokens[^1] = (start, tokens[^1].End, _unknownId);
            }
            else
            {
                tokens.Add((start, end, id));
            }

            end = start;
        }

        for (var i = tokens.Count - 1; i >= 0; i--)
        {
            var (start, end, id) = tokens[i];
            AppendToken(text[start..end], id == _unknownId ? -1 : id, ref ids);
        }
    }

    /// <summary>A token as Rust turns its string into ids: looked up, else its bytes (byte fallback), else unknown.</summary>
    private void AppendToken(ReadOnlySpan<char> token, int knownId, ref IdBuffer ids)
    {
        if (knownId >= 0 || _idLookup.TryGetValue(token, out knownId))
        {
            ids.Add(knownId);
            return;
        }

        if (_byteIds is { } byteIds)
        {
            var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(token.Length));
            try
            {
                var bytes = rented.AsSpan(0, Encoding.UTF8.GetBytes(token, rented));
                var all = true;
                foreach (var b in bytes)
                {
                    all &= byteIds[b] >= 0;
                }

                if (all)
                {
                    foreach (var b in bytes)
                    {
                        ids.Add(byteIds[b]);
                    }

                    return;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        ids.Add(_unknownId);
    }
}

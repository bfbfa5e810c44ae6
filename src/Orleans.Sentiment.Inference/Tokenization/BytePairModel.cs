using System.Collections.Concurrent;
using System.Text;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// Byte-level BPE: a piece's UTF-8 bytes start as one token each and the lowest-ranked adjacent pair is merged
/// until none is left (the leftmost pair wins a tie), as Hugging Face's BPE model does. Results are cached per piece.
/// </summary>
internal sealed class BytePairModel
{
    private const int CacheCapacity = 100_000;
    private readonly Dictionary<long, (int Rank, int Id)> _merges;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabulary;
    private readonly int[] _byteIds = new int[256];
    private readonly bool _ignoreMerges;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _cacheLookup;

    public BytePairModel(IReadOnlyDictionary<string, int> vocabulary, IReadOnlyList<(string Left, string Right)> merges, int? unknownId, bool ignoreMerges, string source)
    {
        var vocab = new Dictionary<string, int>(vocabulary, StringComparer.Ordinal);
        _vocabulary = vocab.GetAlternateLookup<ReadOnlySpan<char>>();
        _ignoreMerges = ignoreMerges;
        _cacheLookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var b = 0; b < 256; b++)
        {
            _byteIds[b] = vocab.TryGetValue(ByteLevelAlphabet.ByteToChar[b].ToString(), out var id) ? id
                : unknownId ?? throw new ModelFolderException($"{source}: the byte-level vocabulary has no token for byte 0x{b:X2} and no unknown token.");
        }

        _merges = new Dictionary<long, (int, int)>(merges.Count);
        for (var rank = 0; rank < merges.Count; rank++)
        {
            var (left, right) = merges[rank];
            if (!vocab.TryGetValue(left, out var leftId) || !vocab.TryGetValue(right, out var rightId) || !vocab.TryGetValue(left + right, out var mergedId))
            {
                throw new ModelFolderException($"{source}: merge {rank + 1} '{left} {right}' uses a token missing from the vocabulary.");
            }

            // A repeated merge keeps its last rank, as Hugging Face's map of merges does.
            _merges[Key(leftId, rightId)] = (rank, mergedId);
        }
    }

    /// <summary>Appends the ids of one pre-tokenized piece.</summary>
    public void Append(ReadOnlySpan<char> piece, ref IdBuffer ids)
    {
        if (!_cacheLookup.TryGetValue(piece, out var cached))
        {
            cached = Tokenize(piece);
            if (_cache.Count < CacheCapacity)
            {
                _cacheLookup.TryAdd(piece, cached);
            }
        }

        foreach (var id in cached)
        {
            ids.Add(id);
        }
    }

    private int[] Tokenize(ReadOnlySpan<char> piece)
    {
        var byteCount = Encoding.UTF8.GetByteCount(piece);
        Span<byte> bytes = byteCount <= 256 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(piece, bytes);
        if (_ignoreMerges && TryWholeWord(bytes, out var whole))
        {
            return [whole];
        }

        var symbols = new List<int>(byteCount);
        foreach (var b in bytes)
        {
            symbols.Add(_byteIds[b]);
        }

        while (symbols.Count > 1)
        {
            var bestRank = int.MaxValue;
            var bestIndex = -1;
            var bestId = 0;
            for (var i = 0; i < symbols.Count - 1; i++)
            {
                if (_merges.TryGetValue(Key(symbols[i], symbols[i + 1]), out var merge) && merge.Rank < bestRank)
                {
                    (bestRank, bestIndex, bestId) = (merge.Rank, i, merge.Id);
                }
            }

            if (bestIndex < 0)
            {
                break;
            }

            symbols[bestIndex] = bestId;
            symbols.RemoveAt(bestIndex + 1);
        }

        return [.. symbols];
    }

    private bool TryWholeWord(ReadOnlySpan<byte> bytes, out int id)
    {
        Span<char> mapped = bytes.Length <= 256 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            mapped[i] = ByteLevelAlphabet.ByteToChar[bytes[i]];
        }

        return _vocabulary.TryGetValue(mapped, out id);
    }

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;
}

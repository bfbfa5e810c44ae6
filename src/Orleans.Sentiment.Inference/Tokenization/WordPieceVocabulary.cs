namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// WordPiece tokens split for allocation-free lookups by span: word-initial pieces, and continuation pieces
/// stored without their prefix (<c>##</c>) so a slice of the word can be looked up directly.
/// </summary>
internal sealed class WordPieceVocabulary
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _initial;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _continuation;

    public WordPieceVocabulary(IReadOnlyDictionary<string, int> vocabulary, string continuingSubwordPrefix)
    {
        var initial = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        var continuation = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (token, id) in vocabulary)
        {
            initial[token] = id;
            if (continuingSubwordPrefix.Length > 0 && token.StartsWith(continuingSubwordPrefix, StringComparison.Ordinal))
            {
                continuation[token[continuingSubwordPrefix.Length..]] = id;
            }

            LongestToken = Math.Max(LongestToken, token.Length);
        }

        if (continuingSubwordPrefix.Length == 0)
        {
            continuation = initial;
        }

        _initial = initial.GetAlternateLookup<ReadOnlySpan<char>>();
        _continuation = continuation.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Length in UTF-16 units of the longest token, which bounds every lookup.</summary>
    public int LongestToken { get; }

    public bool TryGetInitial(ReadOnlySpan<char> piece, out int id) => _initial.TryGetValue(piece, out id);

    public bool TryGetContinuation(ReadOnlySpan<char> piece, out int id) => _continuation.TryGetValue(piece, out id);
}

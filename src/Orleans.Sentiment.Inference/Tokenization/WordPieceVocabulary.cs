namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// WordPiece tokens split for lookups by span: word-initial pieces, and continuation pieces stored without their
/// prefix (<c>##</c>) so a slice of the word can be looked up directly. A repeated token keeps its last id.
/// </summary>
internal sealed class WordPieceVocabulary
{
    public WordPieceVocabulary(IReadOnlyDictionary<string, int> vocabulary, string continuingSubwordPrefix)
    {
        var continuation = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (token, id) in vocabulary)
        {
            if (continuingSubwordPrefix.Length > 0 && token.StartsWith(continuingSubwordPrefix, StringComparison.Ordinal))
            {
                continuation[token[continuingSubwordPrefix.Length..]] = id;
            }

            LongestToken = Math.Max(LongestToken, token.Length);
        }

        Initial = new SpanTokenTable(vocabulary);
        Continuation = continuingSubwordPrefix.Length == 0 ? Initial : new SpanTokenTable(continuation);
    }

    /// <summary>Length in UTF-16 units of the longest token, which bounds every lookup.</summary>
    public int LongestToken { get; }

    public SpanTokenTable Initial { get; }

    public SpanTokenTable Continuation { get; }
}

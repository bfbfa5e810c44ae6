namespace Orleans.Sentiment.Training.Compact;

/// <summary>
/// Builds a WordPiece vocabulary from training texts: BERT special tokens, frequent whole words, single
/// characters, and frequent word-continuation pieces. A word outside the vocabulary is then split by the
/// ordinary WordPiece rule into known pieces, instead of collapsing to [UNK].
/// </summary>
internal static class VocabularyBuilder
{
    public static readonly string[] SpecialTokens = Modeling.Tokenizers.WordPieceTokenizerFiles.SpecialTokens;

    private const int MaxPieceLength = 5;

    public static IReadOnlyList<string> Build(IEnumerable<string> texts, CompactOptions options)
    {
        var wordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var word in WordSplitter.Split(text))
            {
                wordCounts[word] = wordCounts.GetValueOrDefault(word) + 1;
            }
        }

        var words = wordCounts
            .Where(p => p.Value >= options.MinWordCount && p.Key.Length <= 100)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxWords)
            .Select(p => p.Key)
            .ToList();

        var vocabulary = new List<string>(SpecialTokens);
        var seen = new HashSet<string>(SpecialTokens, StringComparer.Ordinal);
        void Add(string token)
        {
            if (seen.Add(token))
            {
                vocabulary.Add(token);
            }
        }

        words.ForEach(Add);
        if (options.SubwordPieces > 0)
        {
            AddPieces(wordCounts, options.SubwordPieces, Add);
        }

        return vocabulary;
    }

    private static void AddPieces(Dictionary<string, int> wordCounts, int pieceBudget, Action<string> add)
    {
        // Every character, alone and as a continuation, so any word built from seen characters decomposes.
        var characters = wordCounts.Keys.SelectMany(w => w.EnumerateRunes().Select(r => r.ToString())).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        characters.ForEach(add);
        characters.ForEach(c => add("##" + c));

        var pieceCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (word, count) in wordCounts)
        {
            for (var start = 1; start < word.Length; start++)
            {
                for (var length = 2; length <= MaxPieceLength && start + length <= word.Length; length++)
                {
                    var piece = "##" + word.Substring(start, length);
                    if (piece.Any(char.IsSurrogate))
                    {
                        continue;
                    }

                    pieceCounts[piece] = pieceCounts.GetValueOrDefault(piece) + count;
                }
            }
        }

        foreach (var piece in pieceCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(pieceBudget))
        {
            add(piece.Key);
        }
    }
}

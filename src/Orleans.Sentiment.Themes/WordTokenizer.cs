namespace Orleans.Sentiment.Themes;

/// <summary>
/// The lower-cased words of a comment that can say what it is about: @handles, URLs, HTML entities, words with digits,
/// one-letter words and stop words are left out (a handle names the addressee, not the complaint).
/// </summary>
internal static class WordTokenizer
{
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            AddWordsOf(text.AsSpan(i, end - i), words);
            i = end;
        }

        return words;
    }

    private static void AddWordsOf(ReadOnlySpan<char> chunk, List<string> words)
    {
        if (IsHandleOrLink(chunk))
        {
            return;
        }

        var i = 0;
        while (i < chunk.Length)
        {
            if (!char.IsLetterOrDigit(chunk[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hasDigit = false;
            while (i < chunk.Length && (char.IsLetterOrDigit(chunk[i]) || (IsApostrophe(chunk[i]) && i + 1 < chunk.Length && char.IsLetter(chunk[i + 1]))))
            {
                hasDigit |= char.IsDigit(chunk[i]);
                i++;
            }

            var entity = start > 0 && chunk[start - 1] == '&' && i < chunk.Length && chunk[i] == ';';
            if (!hasDigit && !entity && i - start > 1)
            {
                var word = Normalize(chunk[start..i]);
                if (!StopWords.Contains(word))
                {
                    words.Add(word);
                }
            }
        }
    }

    /// <summary>Whether a whitespace-separated chunk is an @handle or a link: it names an addressee or a page, not a subject.</summary>
    public static bool IsHandleOrLink(ReadOnlySpan<char> chunk) =>
        chunk[0] == '@' || chunk.StartsWith("http", StringComparison.OrdinalIgnoreCase) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            lower[i] = word[i] == '\u2019' ? '\'' : char.ToLowerInvariant(word[i]);
        }

        return new string(lower);
    }
}

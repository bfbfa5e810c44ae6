namespace Orleans.Sentiment.Themes;

/// <summary>
/// Class-based TF-IDF (as BERTopic names its topics): a word scores high in a theme when the theme's comments use it
/// often and the other themes and the background (the source's comments of other labels) rarely do.
/// score(w, c) = (comments of c with w / words in c) · ln(1 + mean words per class / occurrences of w in every class).
/// </summary>
internal static class ClassTfIdf
{
    /// <summary>Each class's keywords, best first; a word must appear in two of a class's comments (when it has two).</summary>
    public static List<ThemeKeyword>[] Keywords(IReadOnlyList<IReadOnlyList<List<string>>> classes, IEnumerable<List<string>> background, int count)
    {
        var perClass = new Dictionary<string, int>[classes.Count];
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordsPerClass = new long[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            perClass[c] = CommentCounts(classes[c]);
            foreach (var (word, n) in perClass[c])
            {
                total[word] = total.GetValueOrDefault(word) + n;
                wordsPerClass[c] += n;
            }
        }

        var backgroundCounts = CommentCounts(background);
        long backgroundWords = 0;
        foreach (var (word, n) in backgroundCounts)
        {
            total[word] = total.GetValueOrDefault(word) + n;
            backgroundWords += n;
        }

        var classCount = classes.Count + (backgroundWords > 0 ? 1 : 0);
        var meanWords = (wordsPerClass.Sum() + backgroundWords) / (double)Math.Max(1, classCount);
        var keywords = new List<ThemeKeyword>[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            var minimum = classes[c].Count >= 2 ? 2 : 1;
            var scored = new List<ThemeKeyword>();
            foreach (var (word, n) in perClass[c])
            {
                if (n >= minimum)
                {
                    scored.Add(new ThemeKeyword(word, n / (double)wordsPerClass[c] * Math.Log(1 + meanWords / total[word])));
                }
            }

            scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Word, b.Word));
            keywords[c] = scored.Count > count ? scored.GetRange(0, count) : scored;
        }

        return keywords;
    }

    /// <summary>In how many comments each word appears (a word repeated in one comment counts once).</summary>
    private static Dictionary<string, int> CommentCounts(IEnumerable<List<string>> comments)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var comment in comments)
        {
            seen.Clear();
            foreach (var word in comment)
            {
                if (seen.Add(word))
                {
                    counts[word] = counts.GetValueOrDefault(word) + 1;
                }
            }
        }

        return counts;
    }
}

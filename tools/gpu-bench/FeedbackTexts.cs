namespace Orleans.Sentiment.GpuBench;

/// <summary>
/// Feedback-like comments (8–40 words) from sentences of the project's corpus joined with a fixed seed, as
/// <c>client bench</c> makes them, so GPU and CPU figures are on the same kind of text.
/// </summary>
internal static class FeedbackTexts
{
    public static IReadOnlyList<string> Make(string corpusCsv, int count)
    {
        var sentences = File.ReadLines(corpusCsv).Skip(1)
            .Select(line => line.StartsWith('"') ? line[1..line.IndexOf('"', 1)] : line[..line.IndexOf(',')])
            .Where(s => s.Length > 0)
            .ToArray();
        var random = new Random(42);
        var texts = new List<string>(count);
        while (texts.Count < count)
        {
            var parts = new List<string>();
            var words = 0;
            var target = random.Next(8, 41);
            while (words < target && parts.Count < 4)
            {
                var sentence = sentences[random.Next(sentences.Length)];
                var length = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (parts.Count > 0 && words + length > 40)
                {
                    break;
                }

                parts.Add(sentence);
                words += length;
            }

            if (words >= 8)
            {
                texts.Add(string.Join(' ', parts));
            }
        }

        return texts;
    }
}

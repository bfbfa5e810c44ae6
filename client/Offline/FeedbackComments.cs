namespace Orleans.Sentiment.Client.Offline;

/// <summary>
/// Comments shaped like real feedback (8–40 words): 1–4 corpus sentences joined at random with a fixed seed, so every
/// run measures the same texts. Compiled into the client and into tools/gpu-bench (linked), so CPU and GPU figures
/// are on the same kind of text.
/// </summary>
internal static class FeedbackComments
{
    public static IReadOnlyList<string> Join(IReadOnlyList<string> sentences, int count)
    {
        var random = new Random(42);
        var texts = new List<string>(count);
        while (texts.Count < count)
        {
            var parts = new List<string>();
            var words = 0;
            var target = random.Next(8, 41);
            while (words < target && parts.Count < 4)
            {
                var sentence = sentences[random.Next(sentences.Count)];
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

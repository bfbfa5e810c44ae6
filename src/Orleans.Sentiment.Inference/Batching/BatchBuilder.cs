namespace Orleans.Sentiment.Inference;

/// <summary>
/// One model call being filled, possibly from several tenants' queues: its texts, its widest text and its real tokens,
/// and the limits every added text must keep — the text count, the padded-token budget (texts × widest), and the
/// padding cap once the call holds <c>minTexts</c>. The first text always fits, so a text longer than the budget
/// still runs alone.
/// </summary>
internal sealed class BatchBuilder(int maxTexts, int maxTokens, double maxPadding = double.PositiveInfinity, int minTexts = 1)
{
    public List<PendingText> Texts { get; } = [];

    /// <summary>Tokens of the longest text taken.</summary>
    public int Width { get; private set; }

    /// <summary>Sum of the taken texts' tokens.</summary>
    public long RealTokens { get; private set; }

    public bool IsFull => Texts.Count >= maxTexts;

    /// <summary>Whether one more text of <paramref name="length"/> tokens may join.</summary>
    public bool Admits(int length)
    {
        var count = Texts.Count;
        if (count == 0)
        {
            return true;
        }

        var padded = (long)(count + 1) * Math.Max(Width, length);
        if (count >= maxTexts || padded > maxTokens)
        {
            return false;
        }

        return count < minTexts || padded <= (1 + maxPadding) * (RealTokens + length);
    }

    public void Add(PendingText text)
    {
        Texts.Add(text);
        Width = Math.Max(Width, text.Tokens);
        RealTokens += text.Tokens;
    }
}

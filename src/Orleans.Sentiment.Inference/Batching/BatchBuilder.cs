namespace Orleans.Sentiment.Inference;

/// <summary>
/// One model call being filled, possibly from several tenants' queues: its texts, its widest text and its real tokens,
/// and the limits every added text must keep — the text count, the padded-token budget (rows × widest, where a text
/// is as many rows as it costs model passes: see <see cref="ModelSelection.Passes"/>), and the padding cap once the
/// call holds <c>minTexts</c>. The first text always fits, so a text longer than the budget still runs alone.
/// </summary>
internal sealed class BatchBuilder(int maxTexts, int maxTokens, double maxPadding = double.PositiveInfinity, int minTexts = 1)
{
    public List<PendingText> Texts { get; } = [];

    /// <summary>Tokens of the longest text taken.</summary>
    public int Width { get; private set; }

    /// <summary>Sum of the taken texts' tokens, each times its passes.</summary>
    public long RealTokens { get; private set; }

    /// <summary>Rows the taken texts make: each text's passes.</summary>
    public int Rows { get; private set; }

    public bool IsFull => Texts.Count >= maxTexts;

    /// <summary>Whether one more text of <paramref name="length"/> tokens costing <paramref name="passes"/> model passes may join.</summary>
    public bool Admits(int length, int passes = 1)
    {
        var count = Texts.Count;
        if (count == 0)
        {
            return true;
        }

        var padded = (long)(Rows + passes) * Math.Max(Width, length);
        if (count >= maxTexts || padded > maxTokens)
        {
            return false;
        }

        return count < minTexts || padded <= (1 + maxPadding) * (RealTokens + ((long)length * passes));
    }

    public void Add(PendingText text)
    {
        Texts.Add(text);
        Width = Math.Max(Width, text.Tokens);
        RealTokens += (long)text.Tokens * text.Passes;
        Rows += text.Passes;
    }
}

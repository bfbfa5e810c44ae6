namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>One step of a Hugging Face normalizer (<c>Precompiled</c>, <c>Strip</c>, <c>Replace</c>, <c>NFKC</c>, …).</summary>
internal interface ITextNormalizer
{
    /// <summary>
    /// Normalizes well-formed text (no unpaired surrogates). <paramref name="startsAtOrigin"/> turns false when the
    /// step drops the text's first characters, as Hugging Face then no longer counts the piece as the text's start
    /// (Metaspace's <c>prepend_scheme: first</c> reads it).
    /// </summary>
    string Normalize(string text, ref bool startsAtOrigin);
}

/// <summary>Hugging Face's <c>Sequence</c> normalizer: each step in order.</summary>
internal sealed class SequenceNormalizer(IReadOnlyList<ITextNormalizer> steps) : ITextNormalizer
{
    public string Normalize(string text, ref bool startsAtOrigin)
    {
        foreach (var step in steps)
        {
            text = step.Normalize(text, ref startsAtOrigin);
        }

        return text;
    }
}

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>Batch encoding on top of <see cref="ITextTokenizer"/>.</summary>
public static class TextTokenizerExtensions
{
    /// <summary>
    /// Encodes each text (truncated to <paramref name="maxLength"/> when given, keeping the closing special token)
    /// and pads the batch to its longest sequence with the tokenizer's pad id, with the attention mask.
    /// </summary>
    public static PaddedBatch EncodeBatch(this ITextTokenizer tokenizer, IReadOnlyList<string> texts, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(texts);
        var sequences = new int[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            sequences[i] = tokenizer.Encode(texts[i], maxLength);
        }

        return PaddedBatch.Create(sequences, tokenizer.PadTokenId);
    }
}

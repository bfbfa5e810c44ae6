namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>Turns text into the token ids a model was trained on, exactly as Hugging Face does.</summary>
public interface ITextTokenizer
{
    /// <summary>Id used to pad shorter sequences in a batch.</summary>
    int PadTokenId { get; }

    /// <summary>Longest sequence the model accepts, special tokens included.</summary>
    int ModelMaxLength { get; }

    /// <summary>
    /// Encodes one text with the model's special tokens. With <paramref name="maxLength"/>, truncates as
    /// Hugging Face does for a single text: the closing special token is kept.
    /// </summary>
    int[] Encode(string text, int? maxLength = null);
}

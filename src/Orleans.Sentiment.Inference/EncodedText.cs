namespace Orleans.Sentiment.Inference;

/// <summary>A text encoded once for every tokenizer of a <see cref="ClassifierSet"/>; <see cref="Tokens"/> is the first model's length.</summary>
public sealed class EncodedText(string text, int[][] encodings)
{
    public string Text { get; } = text;

    /// <summary>Token ids per tokenizer of the set, in the set's tokenizer order.</summary>
    public IReadOnlyList<int[]> Encodings { get; } = encodings;

    /// <summary>Tokens the first model is fed: what the batching service groups texts by.</summary>
    public int Tokens => Encodings[0].Length;
}

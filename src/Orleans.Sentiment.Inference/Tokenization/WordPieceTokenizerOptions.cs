namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>Everything a WordPiece tokenizer needs, read from tokenizer.json or vocab.txt + tokenizer_config.json.</summary>
public sealed record WordPieceTokenizerOptions
{
    public required IReadOnlyDictionary<string, int> Vocabulary { get; init; }

    public string UnknownToken { get; init; } = "[UNK]";

    public string ContinuingSubwordPrefix { get; init; } = "##";

    public int MaxInputCharsPerWord { get; init; } = 100;

    /// <summary>Null when the tokenizer has no normalizer.</summary>
    public BertNormalizerOptions? Normalizer { get; init; } = new();

    public IReadOnlyList<AddedToken> AddedTokens { get; init; } = [];

    public SpecialTokenTemplate Template { get; init; } = SpecialTokenTemplate.None;

    public int PadTokenId { get; init; }

    public int ModelMaxLength { get; init; } = 512;
}

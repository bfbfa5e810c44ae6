namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>Everything a SentencePiece Unigram tokenizer needs, read from tokenizer.json.</summary>
internal sealed record UnigramTokenizerOptions
{
    /// <summary>Pieces with their log-probability scores; a piece's id is its index.</summary>
    public required IReadOnlyList<(string Piece, double Score)> Vocabulary { get; init; }

    public required int UnknownId { get; init; }

    /// <summary>Unknown text becomes its UTF-8 bytes as <c>&lt;0xXX&gt;</c> pieces (model <c>byte_fallback</c>).</summary>
    public bool ByteFallback { get; init; }

    /// <summary>The normalizer steps (Precompiled, Strip, Replace, NFKC, …); none leaves the text as it is.</summary>
    public ITextNormalizer? Normalizer { get; init; }

    public required MetaspacePreTokenizer PreTokenizer { get; init; }

    public IReadOnlyList<AddedToken> AddedTokens { get; init; } = [];

    public SpecialTokenTemplate Template { get; init; } = SpecialTokenTemplate.None;

    public int PadTokenId { get; init; }

    public int ModelMaxLength { get; init; } = 512;
}

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>Everything a byte-level BPE tokenizer needs, read from tokenizer.json or vocab.json + merges.txt.</summary>
public sealed record ByteLevelBpeTokenizerOptions
{
    public required IReadOnlyDictionary<string, int> Vocabulary { get; init; }

    /// <summary>Merges in rank order (first = applied first).</summary>
    public required IReadOnlyList<(string Left, string Right)> Merges { get; init; }

    /// <summary>File the vocabulary came from, named in errors.</summary>
    public string Source { get; init; } = "tokenizer";

    public string? UnknownToken { get; init; }

    /// <summary>Prepend a space to each text piece that does not start with one (RoBERTa default: false).</summary>
    public bool AddPrefixSpace { get; init; }

    /// <summary>Split with the GPT-2 pattern before BPE (ByteLevel <c>use_regex</c>, default true).</summary>
    public bool UseRegex { get; init; } = true;

    /// <summary>Take a whole piece that is in the vocabulary as one token without merging (BPE <c>ignore_merges</c>).</summary>
    public bool IgnoreMerges { get; init; }

    public IReadOnlyList<AddedToken> AddedTokens { get; init; } = [];

    public SpecialTokenTemplate Template { get; init; } = SpecialTokenTemplate.None;

    public int PadTokenId { get; init; }

    public int ModelMaxLength { get; init; } = 512;
}

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary>
/// Every hard and multilingual string, through every Unigram test tokenizer, gives exactly the ids the Rust
/// library gave (Parity/expected-unigram-*.json), without and with truncation.
/// </summary>
public sealed class UnigramParityTests : IDisposable
{
    private readonly UnigramTokenizerFolders _folders = new();

    public static TheoryData<string> Variants => [.. UnigramTokenizerFolders.VariantNames];

    public void Dispose() => _folders.Dispose();

    [Theory]
    [MemberData(nameof(Variants))]
    public void Encode_UnigramVariant_MatchesHuggingFace(string variant) =>
        ParityCases.AssertMatches(_folders.Variant(variant), variant, ParityCases.HardAndMultilingualStrings);
}

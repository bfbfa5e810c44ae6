using Orleans.Sentiment.Inference.Tokenization;

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
    public void Encode_UnigramVariant_MatchesHuggingFace(string variant)
    {
        var tokenizer = TokenizerLoader.Load(_folders.Variant(variant));
        var expected = ParityCases.Expected(variant);
        var strings = ParityCases.HardAndMultilingualStrings;
        Assert.Equal(expected.Names, strings.Select(s => s.Name));

        var mismatches = new List<string>();
        for (var i = 0; i < strings.Count; i++)
        {
            var full = tokenizer.Encode(strings[i].Text);
            if (!full.SequenceEqual(expected.Ids[i]))
            {
                mismatches.Add($"{strings[i].Name}: expected [{string.Join(",", expected.Ids[i])}] got [{string.Join(",", full)}]");
            }

            var truncated = tokenizer.Encode(strings[i].Text, expected.TruncatedTo);
            if (!truncated.SequenceEqual(expected.IdsTruncated[i]))
            {
                mismatches.Add($"{strings[i].Name} (max {expected.TruncatedTo}): expected [{string.Join(",", expected.IdsTruncated[i])}] got [{string.Join(",", truncated)}]");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches of {strings.Count * 2}:\n{string.Join("\n", mismatches.Take(25))}");
    }
}

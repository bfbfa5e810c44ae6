using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary>
/// Every hard string must give exactly the ids Hugging Face tokenizers gave (Parity/expected-*.json), on every
/// route a folder can take: tokenizer.json, vocab.txt, vocab.json + merges.txt.
/// </summary>
public sealed class HuggingFaceParityTests : IDisposable
{
    private readonly SharedTokenizerFolders _folders = new();

    public void Dispose() => _folders.Dispose();

    [SharedDataFact]
    public void Encode_DistilBertTokenizerJson_MatchesHuggingFace() =>
        AssertParity(SharedTokenizerFolders.DistilBert, "distilbert-base-uncased");

    [SharedDataFact]
    public void Encode_DistilBertVocabTxt_MatchesHuggingFace() =>
        AssertParity(_folders.WordPieceVocabOnly(lowercase: true), "distilbert-base-uncased");

    [SharedDataFact]
    public void Encode_CasedTokenizerJson_MatchesHuggingFace() =>
        AssertParity(_folders.CasedTokenizerJson(), "bert-cased-config");

    [SharedDataFact]
    public void Encode_CasedVocabTxt_MatchesHuggingFace() =>
        AssertParity(_folders.WordPieceVocabOnly(lowercase: false), "bert-cased-config");

    [SharedDataFact]
    public void Encode_RobertaVocabJsonAndMerges_MatchesHuggingFace() =>
        AssertParity(SharedTokenizerFolders.Roberta, "twitter-roberta-base");

    [SharedDataFact]
    public void Encode_RobertaTokenizerJson_MatchesHuggingFace() =>
        AssertParity(_folders.RobertaTokenizerJson(), "twitter-roberta-base");

    [SharedDataFact]
    public void Encode_WordPieceWithAddedTokens_MatchesHuggingFace() =>
        AssertParity(_folders.WithAddedTokens(SharedTokenizerFolders.DistilBert, "distilbert-added-tokens"), "distilbert-added-tokens");

    [SharedDataFact]
    public void Encode_ByteLevelBpeWithAddedTokens_MatchesHuggingFace() =>
        AssertParity(_folders.WithAddedTokens(_folders.RobertaTokenizerJson(), "roberta-added-tokens"), "roberta-added-tokens");

    private static void AssertParity(string folder, string expectedName)
    {
        var tokenizer = TokenizerLoader.Load(folder);
        var expected = ParityCases.Expected(expectedName);
        var strings = ParityCases.HardStrings;
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

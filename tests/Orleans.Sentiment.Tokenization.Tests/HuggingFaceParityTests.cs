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

    private static void AssertParity(string folder, string expectedName) =>
        ParityCases.AssertMatches(folder, expectedName, ParityCases.HardStrings);
}

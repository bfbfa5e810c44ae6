using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Training.Compact;

namespace Orleans.Sentiment.Training.Tests;

public sealed class ModelExportTests : IDisposable
{
    private static readonly CompactOptions Options = new() { Dimensions = 16, BigramBuckets = 4096, Seed = 3 };
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Classify_ExportedModel_GivesTheTrainingFeaturisationLogits()
    {
        var model = new CompactTrainer(Options).Train(SyntheticFeedback.Sentiment(300, seed: 11)).Model;
        CompactModelWriter.Write(_directory.Path, model, Options.MaxSequenceLength);
        var tokenizer = CompactTokenizer.Create(model.Vocabulary, Options.MaxSequenceLength);
        // Different lengths in one batch (padding), unseen words (subword pieces), accents, punctuation, one word.
        string[] texts =
        [
            "the app is great today",
            "Checkout is BROKEN, again!!! Support never answered my ticket about the refund.",
            "déjà vu: delivery unbelievably slowwww",
            "fine",
        ];

        using var classifier = OnnxTextClassifier.Load("compact", _directory.Path);
        var predictions = classifier.Classify(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var expected = model.Logits(tokenizer.Encode(texts[i], Options.MaxSequenceLength));
            Assert.Equal(expected.Length, predictions[i].Logits.Length);
            for (var c = 0; c < expected.Length; c++)
            {
                Assert.Equal(expected[c], predictions[i].Logits[c], 4);
            }
        }
    }

    [Fact]
    public void Write_MultiLabelModel_ConfigDeclaresMultiLabelProblem()
    {
        var model = new CompactTrainer(Options).Train(SyntheticFeedback.MultiLabel(200, seed: 12)).Model;
        CompactModelWriter.Write(_directory.Path, model, Options.MaxSequenceLength);

        var config = ModelConfig.Load(_directory.Path);

        Assert.Equal(ProblemType.MultiLabel, config.ProblemType);
        Assert.Equal(["billing", "bug"], config.Labels);
    }

    [Fact]
    public void Write_TokenizerJson_DescribesTheSameWordPieceVocabularyAsVocabTxt()
    {
        var model = new CompactTrainer(Options).Train(SyntheticFeedback.Sentiment(200, seed: 13)).Model;
        CompactModelWriter.Write(_directory.Path, model, Options.MaxSequenceLength);

        var vocabTxt = File.ReadAllLines(_directory.File("vocab.txt"));
        var tokenizer = JsonNode.Parse(File.ReadAllText(_directory.File("tokenizer.json")))!;
        var vocab = tokenizer["model"]!["vocab"]!.AsObject();

        Assert.Equal("WordPiece", (string?)tokenizer["model"]!["type"]);
        Assert.Equal("[UNK]", (string?)tokenizer["model"]!["unk_token"]);
        Assert.Equal("##", (string?)tokenizer["model"]!["continuing_subword_prefix"]);
        Assert.Equal("BertNormalizer", (string?)tokenizer["normalizer"]!["type"]);
        Assert.True((bool)tokenizer["normalizer"]!["lowercase"]!);
        Assert.Equal("BertPreTokenizer", (string?)tokenizer["pre_tokenizer"]!["type"]);
        Assert.Equal(vocabTxt.Length, vocab.Count);
        for (var id = 0; id < vocabTxt.Length; id++)
        {
            Assert.Equal(id, (int)vocab[vocabTxt[id]]!);
        }

        var special = tokenizer["post_processor"]!["special_tokens"]!;
        Assert.Equal(Array.IndexOf(vocabTxt, "[CLS]"), (int)special["[CLS]"]!["ids"]![0]!);
        Assert.Equal(Array.IndexOf(vocabTxt, "[SEP]"), (int)special["[SEP]"]!["ids"]![0]!);
        Assert.Equal(["[CLS]", "$A", "[SEP]"], tokenizer["post_processor"]!["single"]!.AsArray()
            .Select(step => step!["SpecialToken"] is { } token ? (string)token["id"]! : "$" + (string)step["Sequence"]!["id"]!));
    }

    [Fact]
    public void Encode_UnseenWord_SplitsIntoKnownPiecesInsteadOfUnknown()
    {
        var model = new CompactTrainer(Options).Train(SyntheticFeedback.Sentiment(200, seed: 14)).Model;
        CompactModelWriter.Write(_directory.Path, model, Options.MaxSequenceLength);
        var tokenizer = TokenizerLoader.Load(_directory.Path);
        var unknown = model.Vocabulary.ToList().IndexOf("[UNK]");

        var ids = tokenizer.Encode("greatest");

        Assert.DoesNotContain(unknown, ids);
        Assert.True(ids.Length > 3, "an unseen word should become several pieces between [CLS] and [SEP]");
    }

    [Fact]
    public void Load_TokenizerJsonOrVocabTxtAlone_GiveIdenticalIds()
    {
        var model = new CompactTrainer(Options).Train(SyntheticFeedback.Sentiment(200, seed: 15)).Model;
        var withJson = Path.Combine(_directory.Path, "with-json");
        var vocabOnly = Path.Combine(_directory.Path, "vocab-only");
        Modeling.Tokenizers.WordPieceTokenizerFiles.Write(withJson, model.Vocabulary, 512);
        Modeling.Tokenizers.WordPieceTokenizerFiles.Write(vocabOnly, model.Vocabulary, 512);
        File.Delete(Path.Combine(vocabOnly, "tokenizer.json"));
        string[] texts =
        [
            "The app is GREAT!!! 10/10 would recommend :)",
            "Crème brûlée at the café was naïve\tand\nsloooow",
            "support@example.com said \"won't fix\" — really?",
            "emoji 👍🏽 and 日本語 and ﬁ ligature",
            "",
        ];

        var json = TokenizerLoader.Load(withJson);
        var vocab = TokenizerLoader.Load(vocabOnly);

        foreach (var text in texts)
        {
            Assert.Equal(vocab.Encode(text), json.Encode(text));
        }
    }

    public static TheoryData<int, int> BigramIds => new() { { 0, 0 }, { 5, 7 }, { 16_000_000, 16_777_215 } };

    [Theory]
    [MemberData(nameof(BigramIds))]
    public void BigramRow_AnyIds_StaysInsideTheBucketRange(int left, int right)
    {
        var row = FeatureHashing.BigramRow(left, right, vocabularySize: 100, buckets: 4096);

        Assert.InRange(row, 100, 100 + 4096 - 1);
    }
}

using System.Text.Json.Nodes;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.ModelFolders;

namespace Orleans.Sentiment.Modeling.Tests.Synthetic;

/// <summary>A synthesized XLM-R folder has the files and fields a hub XLMRobertaForSequenceClassification export has.</summary>
public sealed class XlmRobertaFolderTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Write_XlmRoberta_WritesTheHuggingFaceConfig()
    {
        SyntheticModelWriter.Write(_folder.Path, new SyntheticModelRequest(TransformerShape.TinyXlmRoberta, ["negative", "positive"]));

        var config = ReadJson("config.json");
        Assert.Equal("xlm-roberta", (string?)config["model_type"]);
        Assert.Equal(["XLMRobertaForSequenceClassification"], config["architectures"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(1, (int)config["pad_token_id"]!);
        Assert.Equal(0, (int)config["bos_token_id"]!);
        Assert.Equal(2, (int)config["eos_token_id"]!);
        Assert.Equal(1, (int)config["type_vocab_size"]!);
        Assert.Equal(1e-5, (double)config["layer_norm_eps"]!);
        Assert.Equal(TransformerShape.TinyXlmRoberta.MaxPositions, (int)config["max_position_embeddings"]!);
        Assert.Equal(TransformerShape.TinyXlmRoberta.VocabSize, (int)config["vocab_size"]!);
    }

    [Fact]
    public void Write_XlmRoberta_WritesAUnigramTokenizerInXlmRobertaIdOrder()
    {
        var size = TransformerShape.TinyXlmRoberta.VocabSize;
        SyntheticModelWriter.Write(_folder.Path, new SyntheticModelRequest(TransformerShape.TinyXlmRoberta, ["negative", "positive"]));

        var tokenizer = ReadJson("tokenizer.json");
        var model = tokenizer["model"]!;
        Assert.Equal("Unigram", (string?)model["type"]);
        Assert.Equal(3, (int)model["unk_id"]!);
        var pieces = model["vocab"]!.AsArray().Select(p => (string)p![0]!).ToList();
        Assert.Equal(size, pieces.Count);
        Assert.Equal(size, pieces.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["<s>", "<pad>", "</s>", "<unk>"], pieces.Take(4));
        Assert.Equal("<mask>", pieces[^1]);
        Assert.Contains("▁the", pieces);
        var added = tokenizer["added_tokens"]!.AsArray();
        Assert.Equal([0, 1, 2, 3, size - 1], added.Select(t => (int)t!["id"]!));
        Assert.True((bool)added[^1]!["lstrip"]!);
        Assert.All(added, t => Assert.True((bool)t!["special"]!));
        var scores = model["vocab"]!.AsArray().Skip(4).SkipLast(1).Select(p => (double)p![1]!).ToList();
        Assert.All(scores, score => Assert.InRange(score, -20, -3));
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void Write_XlmRoberta_WritesPrecompiledNormalizerMetaspaceAndRobertaProcessing()
    {
        SyntheticModelWriter.Write(_folder.Path, new SyntheticModelRequest(TransformerShape.TinyXlmRoberta, ["negative", "positive"]));

        var tokenizer = ReadJson("tokenizer.json");
        Assert.Equal("Precompiled", (string?)tokenizer["normalizer"]!["type"]);
        var charsmap = new CharsmapLookup(Convert.FromBase64String((string)tokenizer["normalizer"]!["precompiled_charsmap"]!));
        Assert.Equal("!", charsmap.Transform("\uFF01"));
        var metaspace = tokenizer["pre_tokenizer"]!;
        Assert.Equal(("Metaspace", "▁", "always", true), ((string?)metaspace["type"], (string?)metaspace["replacement"], (string?)metaspace["prepend_scheme"], (bool)metaspace["split"]!));
        var post = tokenizer["post_processor"]!;
        Assert.Equal("RobertaProcessing", (string?)post["type"]);
        Assert.Equal(("<s>", 0), ((string?)post["cls"]![0], (int)post["cls"]![1]!));
        Assert.Equal(("</s>", 2), ((string?)post["sep"]![0], (int)post["sep"]![1]!));
    }

    [Fact]
    public void Write_XlmRoberta_WritesTokenizerConfigAndSpecialTokensMapLikeAHubExport()
    {
        SyntheticModelWriter.Write(_folder.Path, new SyntheticModelRequest(TransformerShape.TinyXlmRoberta, ["negative", "positive"]));

        var config = ReadJson("tokenizer_config.json");
        Assert.Equal("XLMRobertaTokenizer", (string?)config["tokenizer_class"]);
        Assert.Equal(TransformerShape.TinyXlmRoberta.MaxPositions - 2, (int)config["model_max_length"]!);
        Assert.Equal("<mask>", (string?)config["added_tokens_decoder"]![(TransformerShape.TinyXlmRoberta.VocabSize - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]);
        Assert.Equal(("<s>", "</s>", "<pad>", "<unk>"), ((string?)config["cls_token"], (string?)config["sep_token"], (string?)config["pad_token"], (string?)config["unk_token"]));
        var map = ReadJson("special_tokens_map.json");
        Assert.Equal("<mask>", (string?)map["mask_token"]!["content"]);
        Assert.Equal("<s>", (string?)map["bos_token"]);
    }

    [Fact]
    public void Write_XlmRobertaVocabularyTooSmallForTheGeneratedPieces_ThrowsNamingTheMinimum()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticModelWriter.Write(_folder.Path, new SyntheticModelRequest(TransformerShape.TinyXlmRoberta with { VocabSize = 100 }, ["a", "b"])));

        Assert.Contains("at least", error.Message, StringComparison.Ordinal);
    }

    private JsonObject ReadJson(string name) => JsonNode.Parse(File.ReadAllText(_folder.Combine(name)))!.AsObject();
}

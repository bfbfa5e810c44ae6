using Microsoft.ML.OnnxRuntime;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.ModelFolders;

public sealed class OnnxTextClassifierTests : IDisposable
{
    private static readonly string[] Texts =
    [
        "the app is great",
        "it does not work again and the update did not help at all, please fix",
        "bug",
        "i love the new feature but it is slow",
        "",
    ];

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(TransformerFamily.Bert, true)]
    [InlineData(TransformerFamily.DistilBert, false)]
    [InlineData(TransformerFamily.XlmRoberta, false)]
    public void Classify_TinyFolder_MatchesReferenceForEveryTextInInputOrder(TransformerFamily family, bool expectTokenTypes)
    {
        var weights = TinyFolders.Write(_folder.Path, family);
        using var classifier = OnnxTextClassifier.Load("tiny", _folder.Path);

        // Calls of two texts, grouped by length: the results still come back in input order.
        var predictions = classifier.Classify(Texts, maxBatchTexts: 2);

        Assert.Equal(expectTokenTypes, InputNames(ModelFolder.Open(_folder.Path).OnnxPath).Contains("token_type_ids"));
        var reference = new ReferenceEncoder(weights);
        for (var i = 0; i < Texts.Length; i++)
        {
            var ids = classifier.Tokenizer.Encode(Texts[i]);
            var expected = reference.Logits(ids);
            Assert.Equal(ids.Length, predictions[i].TokenCount);
            for (var label = 0; label < expected.Length; label++)
            {
                Assert.True(Math.Abs(expected[label] - predictions[i].Logits[label]) < 1e-4, $"text {i} label {label}: reference {expected[label]}, ONNX {predictions[i].Logits[label]}");
            }
        }
    }

    [Theory]
    [InlineData(TransformerFamily.Bert)]
    [InlineData(TransformerFamily.DistilBert)]
    public void Classify_ProjectWrittenModel_EmbeddingIsTheTextsMeanPooledHiddenStateFromTheSameCall(TransformerFamily family)
    {
        var weights = TinyFolders.Write(_folder.Path, family);
        using var classifier = OnnxTextClassifier.Load("tiny", _folder.Path);

        var predictions = classifier.Classify(Texts, maxBatchTexts: 2);

        var reference = new ReferenceEncoder(weights);
        for (var i = 0; i < Texts.Length; i++)
        {
            var expected = reference.MeanPooled(classifier.Tokenizer.Encode(Texts[i]));
            var actual = Assert.IsType<float[]>(predictions[i].Embedding);
            Assert.Equal(weights.Shape.Hidden, actual.Length);
            for (var h = 0; h < expected.Length; h++)
            {
                Assert.True(Math.Abs(expected[h] - actual[h]) < 1e-4, $"text {i} dimension {h}: reference {expected[h]}, ONNX {actual[h]}");
            }
        }
    }

    [Fact]
    public void Classify_GraphWithoutMeanPooledOutput_GivesNoEmbedding()
    {
        LexiconModelBuilder.Write(_folder.Path, ["negative", "positive"], [0f, 0.1f], new Dictionary<string, float[]> { ["broken"] = [5f, 0f] });
        using var classifier = OnnxTextClassifier.Load("lexicon", _folder.Path);

        var predictions = classifier.Classify(["broken again", "fine"]);

        Assert.Equal("negative", predictions[0].Label);
        Assert.All(predictions, p => Assert.Null(p.Embedding));
    }

    [Fact]
    public void Classify_SingleLabelConfig_ScoresAreSoftmaxOfLogits()
    {
        TinyFolders.Write(_folder.Path);
        using var classifier = OnnxTextClassifier.Load("tiny", _folder.Path);

        var prediction = classifier.Classify(["the update did not help"])[0];

        var exp = prediction.Logits.Select(l => Math.Exp(l)).ToArray();
        for (var i = 0; i < exp.Length; i++)
        {
            Assert.Equal(exp[i] / exp.Sum(), prediction.Scores[TinyFolders.Labels[i]], 5);
        }

        Assert.Equal(prediction.Scores.MaxBy(s => s.Value).Key, prediction.Label);
    }

    [Fact]
    public void Classify_MultiLabelConfig_ScoresAreSigmoidOfLogits()
    {
        TinyFolders.Write(_folder.Path, multiLabel: true);
        using var classifier = OnnxTextClassifier.Load("tiny", _folder.Path);

        var prediction = classifier.Classify(["the update did not help"])[0];

        for (var i = 0; i < prediction.Logits.Length; i++)
        {
            Assert.Equal(1 / (1 + Math.Exp(-prediction.Logits[i])), prediction.Scores[TinyFolders.Labels[i]], 5);
        }
    }

    [Fact]
    public void Classify_Int32InputModel_GivesTheLogitsOfTheInt64Model()
    {
        TinyFolders.Write(_folder.Combine("int64"));
        TinyFolders.Write(_folder.Combine("int32"), int32Inputs: true);
        using var int64 = OnnxTextClassifier.Load("int64", _folder.Combine("int64"));
        using var int32 = OnnxTextClassifier.Load("int32", _folder.Combine("int32"));

        Assert.Equal(int64.Classify(Texts).Select(p => p.Logits), int32.Classify(Texts).Select(p => p.Logits));
    }

    [Theory]
    [InlineData("quantized")]
    [InlineData("q8")]
    public void Load_QuantizedVariant_RunsModelQuantizedOnnx(string variant)
    {
        TinyFolders.Write(_folder.Path, seed: 1);
        TinyFolders.Write(_folder.Combine("other"), seed: 2);
        File.Copy(_folder.Combine("other", "onnx", "model.onnx"), _folder.Combine("onnx", "model_quantized.onnx"));
        using var plain = OnnxTextClassifier.Load("plain", _folder.Path);
        using var quantized = OnnxTextClassifier.Load("quantized", _folder.Path, new OnnxClassifierOptions { Variant = variant });
        using var other = OnnxTextClassifier.Load("other", _folder.Combine("other"));

        var fromVariant = quantized.Classify(Texts).Select(p => p.Logits).ToList();

        Assert.Equal(other.Classify(Texts).Select(p => p.Logits), fromVariant);
        Assert.NotEqual(plain.Classify(Texts).Select(p => p.Logits), fromVariant);
    }

    [Fact]
    public void Load_OnnxAtFolderRoot_FindsModelOnnx()
    {
        TinyFolders.Write(_folder.Path);
        File.Move(_folder.Combine("onnx", "model.onnx"), _folder.Combine("model.onnx"));

        var folder = ModelFolder.Open(_folder.Path);

        Assert.Equal(_folder.Combine("model.onnx"), folder.OnnxPath);
    }

    [Fact]
    public void Load_NoConfig_ThrowsNamingConfigJson()
    {
        TinyFolders.Write(_folder.Path);
        File.Delete(_folder.Combine("config.json"));

        var error = Assert.Throws<ModelFolderException>(() => OnnxTextClassifier.Load("tiny", _folder.Path));

        Assert.Contains("config.json", error.Message);
    }

    [Fact]
    public void Load_MissingVariant_ThrowsListingWhereItLookedAndWhatExists()
    {
        TinyFolders.Write(_folder.Path);

        var error = Assert.Throws<ModelFolderException>(() => OnnxTextClassifier.Load("tiny", _folder.Path, new OnnxClassifierOptions { Variant = "quantized" }));

        Assert.Contains(Path.Combine("onnx", "model_quantized.onnx"), error.Message);
        Assert.Contains("found " + Path.Combine("onnx", "model.onnx"), error.Message);
    }

    [Fact]
    public void Load_NoOnnxAtAll_ThrowsNamingBothLayouts()
    {
        TinyFolders.Write(_folder.Path);
        File.Delete(_folder.Combine("onnx", "model.onnx"));

        var error = Assert.Throws<ModelFolderException>(() => OnnxTextClassifier.Load("tiny", _folder.Path));

        Assert.Contains(Path.Combine("onnx", "model.onnx") + " and model.onnx", error.Message);
    }

    [Fact]
    public void Load_ConfigNamesFewerLabelsThanTheOutput_ThrowsAtLoad()
    {
        TinyFolders.Write(_folder.Path);
        ModelFolderWriter.WriteConfig(_folder.Path, ["negative", "positive"], ProblemType.SingleLabel, "bert");

        var error = Assert.Throws<ModelFolderException>(() => OnnxTextClassifier.Load("tiny", _folder.Path));

        Assert.Contains("outputs 3 logits", error.Message);
        Assert.Contains("2 labels", error.Message);
    }

    [Fact]
    public void Classify_OutputWidthOnlyKnownAtRunTimeDiffersFromLabels_Throws()
    {
        TinyFolders.Write(_folder.Path);
        WriteGraphWithSequenceWidth(_folder.Combine("onnx", "model.onnx"));
        ModelFolderWriter.WriteConfig(_folder.Path, ["negative", "positive"], ProblemType.SingleLabel, "bert");
        using var classifier = OnnxTextClassifier.Load("tiny", _folder.Path);

        // "[CLS] bug [SEP]" and "[CLS] the app [SEP]" pad to 4 tokens: 8 values for 2 texts of 2 labels.
        var error = Assert.Throws<ModelFolderException>(() => classifier.Classify(["bug", "the app"]));

        Assert.Contains("returned 8 logits for 2 texts", error.Message);
    }

    [Fact]
    public void Load_NoVocabulary_ThrowsModelFolderException()
    {
        TinyFolders.Write(_folder.Path);
        File.Delete(_folder.Combine("vocab.txt"));
        File.Delete(_folder.Combine("tokenizer.json"));

        var error = Assert.Throws<ModelFolderException>(() => OnnxTextClassifier.Load("tiny", _folder.Path));

        Assert.Contains(_folder.Path, error.Message);
    }

    [Fact]
    public void Load_SentencePieceModelWithoutTokenizerJson_ThrowsNamingTheFileAndTheExport()
    {
        TinyFolders.Write(_folder.Path, TransformerFamily.XlmRoberta);
        File.Delete(_folder.Combine("tokenizer.json"));
        File.WriteAllBytes(_folder.Combine("sentencepiece.bpe.model"), [0x0A, 0x0B]);

        var error = Assert.Throws<ModelFolderException>(() => OnnxTextClassifier.Load("xlmr", _folder.Path));

        Assert.Contains("sentencepiece.bpe.model but no tokenizer.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("save_pretrained", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownTokenizerType_ThrowsModelFolderException()
    {
        TinyFolders.Write(_folder.Path);
        File.Delete(_folder.Combine("vocab.txt"));
        File.WriteAllText(_folder.Combine("tokenizer.json"), """{ "model": { "type": "Unigram", "vocab": [["<unk>", 0.0]] } }""");

        Assert.Throws<ModelFolderException>(() => OnnxTextClassifier.Load("tiny", _folder.Path));
    }

    private static string[] InputNames(string onnxPath)
    {
        using var session = new InferenceSession(onnxPath);
        return [.. session.InputMetadata.Keys];
    }

    /// <summary>logits = the padded token ids as floats: as many per text as the batch's longest text has tokens.</summary>
    private static void WriteGraphWithSequenceWidth(string path)
    {
        var graph = new Onnx.OnnxGraphBuilder("sequence_width");
        var ids = graph.Input("input_ids", Onnx.OnnxElementType.Int64, "batch", "sequence");
        graph.Input("attention_mask", Onnx.OnnxElementType.Int64, "batch", "sequence");
        graph.NodeNamed("Cast", [ids], "logits", ("to", (long)Onnx.OnnxElementType.Float));
        graph.Output("logits", Onnx.OnnxElementType.Float, "batch", "labels");
        graph.Save(path);
    }
}

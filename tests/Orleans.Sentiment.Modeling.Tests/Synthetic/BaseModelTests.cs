using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.ModelFolders;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Modeling.Tests.Synthetic;

/// <summary>
/// Full-size models: ONNX Runtime loads each base graph (the 2 GB protobuf limit leaves room) and computes
/// the Hugging Face forward pass with the Hugging Face initialisation the CLI writes.
/// </summary>
public sealed class BaseModelTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("distilbert-base")]
    [InlineData("bert-base")]
    [InlineData("roberta-base")]
    [InlineData("xlm-roberta-base")]
    public void Build_BasePreset_OnnxRuntimeMatchesIndependentForwardPass(string preset)
    {
        var shape = TransformerShape.Presets[preset];
        var weights = SynthWeightsGenerator.Generate(shape, ["negative", "neutral", "positive"]);
        int[][] sequences = [[shape.PadTokenId + 100, 2051, 7, 1999, 30000, shape.PadTokenId + 101], [shape.PadTokenId + 100, 42, shape.PadTokenId + 101]];
        using var runner = new OnnxRunner(TransformerGraphWriter.Build(weights));

        var actual = runner.Run(sequences, shape.PadTokenId);

        var reference = new ReferenceEncoder(weights);
        for (var row = 0; row < sequences.Length; row++)
        {
            var expected = reference.Logits(sequences[row]);
            for (var label = 0; label < expected.Length; label++)
            {
                Assert.True(Math.Abs(expected[label] - actual[row][label]) < 1e-4, $"{preset} row {row} label {label}: reference {expected[label]}, ONNX {actual[row][label]}");
            }
        }
    }

    /// <summary>The check the issue names: a DistilBERT-shaped model with the real distilbert-base-uncased tokenizer.</summary>
    [SharedDataFact]
    public void Classify_DistilBertBaseWithRealTokenizer_MatchesIndependentForwardPass()
    {
        var tokenizer = Path.Combine(TestPaths.SharedData!, "hf", "distilbert-base-uncased-finetuned-sst-2-english");
        var weights = SyntheticModelWriter.Write(_folder.Path, new SyntheticModelRequest(TransformerShape.DistilBertBase, ["NEGATIVE", "POSITIVE"], tokenizer));
        using var classifier = OnnxTextClassifier.Load("sst2", _folder.Path);
        string[] texts = ["a gripping , beautifully shot film", "Terrible.", "The flight was delayed 3 hours and nobody told us why!"];

        var predictions = classifier.Classify(texts);

        var reference = new ReferenceEncoder(weights);
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = reference.Logits(classifier.Tokenizer.Encode(texts[i]));
            for (var label = 0; label < expected.Length; label++)
            {
                Assert.True(Math.Abs(expected[label] - predictions[i].Logits[label]) < 1e-4, $"text {i} label {label}: reference {expected[label]}, ONNX {predictions[i].Logits[label]}");
            }
        }
    }
}

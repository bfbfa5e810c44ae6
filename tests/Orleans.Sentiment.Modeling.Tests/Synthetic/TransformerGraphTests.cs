using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.Synthetic;

/// <summary>The synthesized ONNX graph computes what the Hugging Face PyTorch model computes.</summary>
public sealed class TransformerGraphTests
{
    private static readonly string[] Labels = ["negative", "neutral", "positive"];

    [Theory]
    [InlineData(TransformerFamily.DistilBert)]
    [InlineData(TransformerFamily.Bert)]
    [InlineData(TransformerFamily.Roberta)]
    [InlineData(TransformerFamily.XlmRoberta)]
    public void Build_PaddedBatch_MatchesIndependentForwardPassPerText(TransformerFamily family)
    {
        var shape = TinyShapes.For(family);
        var weights = SynthWeightsGenerator.Generate(shape, Labels, TinyShapes.Strict());
        var sequences = RandomSequences(shape, seed: 3, lengths: [9, 3, 17, 2]);
        var tokenTypes = sequences.Select((s, row) => s.Select((_, t) => family == TransformerFamily.Bert && row % 2 == 0 && t > s.Length / 2 ? 1 : 0).ToArray()).ToArray();
        using var runner = new OnnxRunner(TransformerGraphWriter.Build(weights));

        var actual = runner.Run(sequences, shape.PadTokenId, tokenTypes);

        var reference = new ReferenceEncoder(weights);
        for (var row = 0; row < sequences.Length; row++)
        {
            var expected = reference.Logits(sequences[row], tokenTypes[row]);
            Assert.Equal(Labels.Length, actual[row].Length);
            for (var label = 0; label < Labels.Length; label++)
            {
                Assert.True(Math.Abs(expected[label] - actual[row][label]) < 1e-4, $"row {row} label {label}: reference {expected[label]}, ONNX {actual[row][label]}");
            }
        }
    }

    [Theory]
    [InlineData(TransformerFamily.DistilBert)]
    [InlineData(TransformerFamily.Bert)]
    [InlineData(TransformerFamily.Roberta)]
    [InlineData(TransformerFamily.XlmRoberta)]
    public void Build_TextPaddedInBatch_KeepsItsLogitsFromASingleRun(TransformerFamily family)
    {
        var shape = TinyShapes.For(family);
        var weights = SynthWeightsGenerator.Generate(shape, Labels, TinyShapes.Strict(seed: 11));
        var sequences = RandomSequences(shape, seed: 5, lengths: [4, 30]);
        using var runner = new OnnxRunner(TransformerGraphWriter.Build(weights));

        var alone = runner.Run([sequences[0]], shape.PadTokenId)[0];
        var padded = runner.Run(sequences, shape.PadTokenId)[0];

        for (var label = 0; label < Labels.Length; label++)
        {
            Assert.True(Math.Abs(alone[label] - padded[label]) < 1e-5, $"label {label}: alone {alone[label]}, padded {padded[label]}");
        }
    }

    [Theory]
    [InlineData(TransformerFamily.DistilBert, TransformerHead.SequenceClassification)]
    [InlineData(TransformerFamily.Bert, TransformerHead.SequenceClassification)]
    [InlineData(TransformerFamily.Roberta, TransformerHead.SequenceClassification)]
    [InlineData(TransformerFamily.XlmRoberta, TransformerHead.SequenceClassification)]
    [InlineData(TransformerFamily.DistilBert, TransformerHead.MeanPooling)]
    public void Build_ClassifierHead_AlsoOutputsEachTextsMeanPooledLastHiddenState(TransformerFamily family, TransformerHead head)
    {
        var shape = TinyShapes.For(family);
        var weights = SynthWeightsGenerator.Generate(shape, Labels, TinyShapes.Strict(seed: 13));
        var sequences = RandomSequences(shape, seed: 4, lengths: [7, 2, 12]);
        using var runner = new OnnxRunner(TransformerGraphWriter.Build(weights, head));

        var actual = runner.Run(sequences, shape.PadTokenId, Inference.ClassifierGraphOutputs.MeanPooled);

        var reference = new ReferenceEncoder(weights);
        for (var row = 0; row < sequences.Length; row++)
        {
            var expected = reference.MeanPooled(sequences[row]);
            Assert.Equal(shape.Hidden, actual[row].Length);
            for (var h = 0; h < expected.Length; h++)
            {
                Assert.True(Math.Abs(expected[h] - actual[row][h]) < 1e-4, $"row {row} dimension {h}: reference {expected[h]}, ONNX {actual[row][h]}");
            }
        }
    }

    [Fact]
    public void Build_Int32Inputs_GivesTheSameLogitsAsInt64()
    {
        var shape = TinyShapes.For(TransformerFamily.DistilBert);
        var weights = SynthWeightsGenerator.Generate(shape, Labels, TinyShapes.Strict());
        var sequences = RandomSequences(shape, seed: 9, lengths: [6, 2]);
        using var int64 = new OnnxRunner(TransformerGraphWriter.Build(weights));
        using var int32Session = new Microsoft.ML.OnnxRuntime.InferenceSession(TransformerGraphWriter.Build(weights, int32Inputs: true));

        Assert.Equal(Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int32, int32Session.InputMetadata["input_ids"].ElementDataType);
        var expected = int64.Run(sequences, shape.PadTokenId);
        var ids = new int[] { sequences[0][0], sequences[0][1], sequences[0][2], sequences[0][3], sequences[0][4], sequences[0][5], sequences[1][0], sequences[1][1], 0, 0, 0, 0 };
        var mask = new int[] { 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0 };
        using var idsValue = Microsoft.ML.OnnxRuntime.OrtValue.CreateTensorValueFromMemory(ids, [2, 6]);
        using var maskValue = Microsoft.ML.OnnxRuntime.OrtValue.CreateTensorValueFromMemory(mask, [2, 6]);
        using var runOptions = new Microsoft.ML.OnnxRuntime.RunOptions();
        using var outputs = int32Session.Run(runOptions, ["input_ids", "attention_mask"], [idsValue, maskValue], ["logits"]);
        var actual = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        Assert.Equal(expected.SelectMany(row => row), actual);
    }

    [Fact]
    public void Build_HuggingFaceInitialization_GivesSmallLogitsAndUnitNorms()
    {
        var weights = SynthWeightsGenerator.Generate(TinyShapes.For(TransformerFamily.Bert), Labels);

        Assert.All(weights[weights.Names.EmbeddingNorm + ".weight"].Data, value => Assert.Equal(1f, value));
        Assert.All(weights[weights.Names.HeadOutput + ".bias"].Data, value => Assert.Equal(0f, value));
        Assert.All(weights[weights.Names.WordEmbeddings + ".weight"].Data.AsSpan(0, weights.Shape.Hidden).ToArray(), value => Assert.Equal(0f, value));
        var std = Math.Sqrt(weights[weights.Names.Query(0) + ".weight"].Data.Average(v => (double)v * v));
        Assert.InRange(std, 0.015, 0.025);
    }

    [Fact]
    public void Generate_SameSeed_GivesSameWeightsAndOtherSeedDiffers()
    {
        var shape = TinyShapes.For(TransformerFamily.Roberta);
        var first = SynthWeightsGenerator.Generate(shape, Labels, new SynthInitialization { Seed = 1 });
        var again = SynthWeightsGenerator.Generate(shape, Labels, new SynthInitialization { Seed = 1 });
        var other = SynthWeightsGenerator.Generate(shape, Labels, new SynthInitialization { Seed = 2 });

        var name = weights(first);
        Assert.Equal(first[name].Data, again[name].Data);
        Assert.NotEqual(first[name].Data, other[name].Data);

        static string weights(SynthWeights w) => w.Names.FeedForwardIn(1) + ".weight";
    }

    [Theory]
    [InlineData("distilbert-base", 2, 66_955_010L)]
    [InlineData("bert-base", 2, 109_483_778L)]
    [InlineData("roberta-base", 3, 124_647_939L)]
    [InlineData("xlm-roberta-base", 3, 278_045_955L)]
    public void Generate_BasePreset_HasTheParameterCountOfTheHuggingFaceModel(string preset, int labelCount, long expected)
    {
        var labels = Enumerable.Range(0, labelCount).Select(i => $"L{i}").ToArray();

        var weights = SynthWeightsGenerator.Generate(TransformerShape.Presets[preset], labels);

        Assert.Equal(expected, weights.ParameterCount);
    }

    /// <summary>Random ids that avoid the special ids below 5 (so RoBERTa's pad id 1 only appears as padding).</summary>
    private static int[][] RandomSequences(TransformerShape shape, int seed, int[] lengths)
    {
        var random = new Random(seed);
        return [.. lengths.Select(length => Enumerable.Range(0, length).Select(_ => random.Next(5, shape.VocabSize)).ToArray())];
    }
}

using Microsoft.ML.OnnxRuntime;
using Orleans.Sentiment.Modeling.Synthetic;
using static TorchSharp.torch;

namespace Orleans.Sentiment.Training.Lora.Tests;

/// <summary>Merging and export are exact: merged = unmerged, and the exported ONNX graph = the TorchSharp model, on padded batches.</summary>
public sealed class LoraExportTests
{
    [Theory]
    [InlineData(TransformerFamily.Bert)]
    [InlineData(TransformerFamily.DistilBert)]
    [InlineData(TransformerFamily.Roberta)]
    [InlineData(TransformerFamily.XlmRoberta)]
    public void Forward_MergedWeights_MatchTheUnmergedBranchesWithin1e4(TransformerFamily family)
    {
        using var model = TrainedLookingModel(family);
        var (ids, mask) = LoraTestHelpers.PaddedBatch(model.Shape);
        using var _ = no_grad();

        var unmerged = model.Forward(ids, mask, training: false).data<float>().ToArray();
        var merged = model.Forward(ids, mask, training: false, merged: true).data<float>().ToArray();

        Assert.True(MaxDifference(unmerged, merged) <= 1e-4, $"max difference {MaxDifference(unmerged, merged):E3}");
        Assert.True(MaxDifference(unmerged, BaseOnly(family, ids, mask)) > 1e-3, "the adapters change the logits, so the comparison means something");
    }

    [Theory]
    [InlineData(TransformerFamily.Bert)]
    [InlineData(TransformerFamily.DistilBert)]
    [InlineData(TransformerFamily.Roberta)]
    [InlineData(TransformerFamily.XlmRoberta)]
    public void ExportedGraph_PaddedBatch_MatchesTorchSharpLogitsWithin1e4(TransformerFamily family)
    {
        using var model = TrainedLookingModel(family);
        var (ids, mask) = LoraTestHelpers.PaddedBatch(model.Shape);
        float[] expected;
        using (no_grad())
        {
            expected = model.Forward(ids, mask, training: false).data<float>().ToArray();
        }

        var weights = new SynthWeights(model.Shape, ["a", "b", "c"]);
        foreach (var (name, tensor) in model.MergedWeights())
        {
            weights.Set(name, tensor);
        }

        using var session = new InferenceSession(TransformerGraphWriter.Build(weights, TransformerHead.SequenceClassification));
        var actual = Run(session, ids, mask);

        Assert.Equal(expected.Length, actual.Length);
        Assert.True(MaxDifference(expected, actual) <= 1e-4, $"max difference {MaxDifference(expected, actual):E3}");
    }

    internal static LoraClassifier TrainedLookingModel(TransformerFamily family)
    {
        var shape = TinyModels.Shape(family);
        TorchRuntime.Configure(1, 11);
        var model = new LoraClassifier(shape, TinyModels.Weights(family).Tensors, 3, new LoraOptions { Rank = 4, Alpha = 8, Pooling = HeadPooling.Cls }, LoraTargets.Resolve(shape, LoraTargets.DefaultTargets(family)));
        LoraTestHelpers.RandomizeB(model, 0.5);
        return model;
    }

    private static float[] BaseOnly(TransformerFamily family, Tensor ids, Tensor mask)
    {
        using var fresh = TrainedLookingModel(family);
        using var _ = no_grad();
        foreach (var (_, b) in fresh.Adapters.Values)
        {
            b.zero_();
        }

        return fresh.Forward(ids, mask, training: false).data<float>().ToArray();
    }

    internal static float[] Run(InferenceSession session, Tensor ids, Tensor mask)
    {
        long[] shape = [.. ids.shape];
        var inputs = new List<(string, OrtValue)>
        {
            ("input_ids", OrtValue.CreateTensorValueFromMemory(ids.data<long>().ToArray(), shape)),
            ("attention_mask", OrtValue.CreateTensorValueFromMemory(mask.data<long>().ToArray(), shape)),
        };
        if (session.InputMetadata.ContainsKey("token_type_ids"))
        {
            inputs.Add(("token_type_ids", OrtValue.CreateTensorValueFromMemory(new long[ids.numel()], shape)));
        }

        try
        {
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, [.. inputs.Select(i => i.Item1)], [.. inputs.Select(i => i.Item2)], ["logits"]);
            return outputs[0].GetTensorDataAsSpan<float>().ToArray();
        }
        finally
        {
            foreach (var (_, value) in inputs)
            {
                value.Dispose();
            }
        }
    }

    internal static double MaxDifference(float[] a, float[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
}

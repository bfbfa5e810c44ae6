using Orleans.Sentiment.Modeling.Synthetic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Orleans.Sentiment.Training.Lora.Tests;

internal static class LoraTestHelpers
{
    /// <summary>Three sequences of different lengths, padded with the family's pad id: [3, 9].</summary>
    public static long[][] Sequences(TransformerShape shape)
    {
        var cls = shape.Family.HasRobertaArchitecture() ? 0L : 101L;
        var sep = shape.Family.HasRobertaArchitecture() ? 2L : 102L;
        return
        [
            [cls, 200, 201, 300, 450, 512, 611, 700, sep],
            [cls, 220, 330, sep],
            [cls, 205, 206, 207, 800, sep],
        ];
    }

    public static (Tensor Ids, Tensor Mask) PaddedBatch(TransformerShape shape)
    {
        var sequences = Sequences(shape);
        var padded = Inference.PaddedBatch.Create([.. sequences.Select(s => s.Select(v => (int)v).ToArray())], shape.PadTokenId);
        long[] dims = [sequences.Length, padded.SequenceLength];
        return (torch.tensor(padded.InputIds, dims, ScalarType.Int64), torch.tensor(padded.AttentionMask, dims, ScalarType.Int64));
    }

    /// <summary>Gives every B a random value, so the LoRA branches change the output (fresh B is zero).</summary>
    public static void RandomizeB(LoraClassifier model, double scale)
    {
        using var _ = no_grad();
        foreach (var (_, b) in model.Adapters.Values)
        {
            b.copy_(randn(b.shape, b.dtype) * scale);
        }
    }

    public static double CentralDifference(Parameter parameter, int index, double step, Func<double> loss)
    {
        using var _ = no_grad();
        var flat = parameter.view(-1);
        var original = flat[index].item<double>();
        flat[index].fill_(original + step);
        var plus = loss();
        flat[index].fill_(original - step);
        var minus = loss();
        flat[index].fill_(original);
        return (plus - minus) / (2 * step);
    }
}

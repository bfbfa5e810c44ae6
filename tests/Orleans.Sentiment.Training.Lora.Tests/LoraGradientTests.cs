using Orleans.Sentiment.Modeling.Synthetic;
using TorchSharp;
using static TorchSharp.torch;

namespace Orleans.Sentiment.Training.Lora.Tests;

/// <summary>
/// The LoRA layers' gradients (from libtorch's autograd through the project's forward pass) agree with central
/// finite differences of the loss, in double precision on a tiny model.
/// </summary>
public sealed class LoraGradientTests
{
    [Theory]
    [InlineData(TransformerFamily.Bert)]
    [InlineData(TransformerFamily.DistilBert)]
    [InlineData(TransformerFamily.Roberta)]
    public void Backward_LoraAndHeadParameters_MatchFiniteDifferences(TransformerFamily family)
    {
        var shape = TinyModels.Shape(family);
        var options = new LoraOptions { Rank = 4, Alpha = 8, Seed = 3, Pooling = HeadPooling.Cls };
        TorchRuntime.Configure(1, options.Seed);
        using var model = new LoraClassifier(shape, TinyModels.Weights(family).Tensors, 3, options, LoraTargets.Resolve(shape, LoraTargets.DefaultTargets(family)), ScalarType.Float64);
        LoraTestHelpers.RandomizeB(model, 0.5);
        var (ids, mask) = LoraTestHelpers.PaddedBatch(shape);
        var labels = torch.tensor(new long[] { 0, 2, 1 }, [3], ScalarType.Int64);
        double Loss() => nn.functional.cross_entropy(model.Forward(ids, mask, training: false), labels).item<double>();

        var loss = nn.functional.cross_entropy(model.Forward(ids, mask, training: false), labels);
        loss.backward();

        var checkedCount = 0;
        var random = new Random(5);
        var (firstA, firstB) = model.Adapters.First().Value;
        var (lastA, lastB) = model.Adapters.Last().Value;
        var head = model.HeadParameters.First(p => p.Key.EndsWith(".weight", StringComparison.Ordinal)).Value;
        foreach (var parameter in new[] { firstA, firstB, lastA, lastB, head })
        {
            var gradient = parameter.grad!.contiguous().data<double>().ToArray();
            for (var probe = 0; probe < 4; probe++)
            {
                var index = random.Next(gradient.Length);
                var numeric = LoraTestHelpers.CentralDifference(parameter, index, 1e-6, Loss);
                Assert.True(Math.Abs(numeric - gradient[index]) <= 1e-6 + (1e-4 * Math.Abs(numeric)), $"{family} parameter {parameter.shape[0]}x{parameter.shape[1]} [{index}]: autograd {gradient[index]:E6}, finite difference {numeric:E6}");
                checkedCount++;
            }
        }

        Assert.Equal(20, checkedCount);
        Assert.True(firstA.grad!.abs().max().item<double>() > 0, "A gets a gradient once B is non-zero");
    }

    [Fact]
    public void Backward_FreshAdapters_GiveAZeroGradientAndBANonZeroOne()
    {
        // With B = 0 (PEFT's initialisation) the update B·A is 0, so dL/dA = 0 and only B moves on the first step.
        var shape = TinyModels.Shape(TransformerFamily.Bert);
        TorchRuntime.Configure(1, 1);
        using var model = new LoraClassifier(shape, TinyModels.Weights(TransformerFamily.Bert).Tensors, 3, new LoraOptions { Pooling = HeadPooling.Cls }, LoraTargets.Resolve(shape, ["query", "value"]), ScalarType.Float64);
        var (ids, mask) = LoraTestHelpers.PaddedBatch(shape);

        nn.functional.cross_entropy(model.Forward(ids, mask, training: false), torch.tensor(new long[] { 0, 1, 2 }, [3], ScalarType.Int64)).backward();

        var (a, b) = model.Adapters.First().Value;
        Assert.Equal(0, a.grad!.abs().max().item<double>());
        Assert.True(b.grad!.abs().max().item<double>() > 0);
    }
}

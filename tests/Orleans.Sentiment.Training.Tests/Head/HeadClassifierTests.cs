using Orleans.Sentiment.Training.Head;

namespace Orleans.Sentiment.Training.Tests.Head;

/// <summary>The head's hand-written backpropagation agrees with finite differences of its loss.</summary>
public sealed class HeadClassifierTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(6, false)]
    [InlineData(6, true)]
    public void ComputeGradients_EveryLayer_MatchesFiniteDifferences(int hidden, bool multiLabel)
    {
        var random = new Random(3);
        float[] Vector(int n) => [.. Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        var head = new HeadClassifier(5, hidden, 3, multiLabel, Vector(5), [.. Enumerable.Range(0, 5).Select(_ => 0.5f + (float)random.NextDouble())], seed: 1);
        var batch = Enumerable.Range(0, 4)
            .Select(i => (Vector(5), multiLabel ? new float[] { 1, 0, i % 2 } : [.. Enumerable.Range(0, 3).Select(c => c == i % 3 ? 1f : 0f)], 0.5f + i))
            .ToArray();

        var layers = hidden > 0 ? 2 : 1;
        for (var layer = 0; layer < layers; layer++)
        {
            head.ComputeGradients(batch);
            var (weights, gradients) = head.LayerWeights(layer);
            var analytic = (float[])gradients.Clone();
            foreach (var index in new[] { 0, weights.Length / 2, weights.Length - 1 })
            {
                var original = weights[index];
                const float step = 1e-2f;
                weights[index] = original + step;
                var plus = head.ComputeGradients(batch).Loss;
                weights[index] = original - step;
                var minus = head.ComputeGradients(batch).Loss;
                weights[index] = original;
                var numeric = (plus - minus) / (2 * step);

                Assert.True(Math.Abs(numeric - analytic[index]) <= 2e-3 + (2e-2 * Math.Abs(numeric)), $"layer {layer} [{index}]: backprop {analytic[index]:E4}, finite difference {numeric:E4}");
            }
        }
    }

    [Fact]
    public void Export_FoldsStandardisation_SameLogitsFromRawEmbeddings()
    {
        var head = new HeadClassifier(3, 0, 2, false, [1f, -2f, 0.5f], [2f, 0.5f, 1f], seed: 4);
        float[] embedding = [0.3f, -1.2f, 2f];

        var (weight, outputs, inputs, bias) = head.Export().Single();
        var folded = Enumerable.Range(0, outputs).Select(o => bias[o] + Enumerable.Range(0, inputs).Sum(i => weight[(o * inputs) + i] * embedding[i])).ToArray();

        Assert.Equal(head.Logits(embedding), folded, (a, b) => Math.Abs(a - b) < 1e-5);
    }
}

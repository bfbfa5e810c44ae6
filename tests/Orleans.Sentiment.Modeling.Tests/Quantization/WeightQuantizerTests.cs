using Orleans.Sentiment.Modeling.Quantization;

namespace Orleans.Sentiment.Modeling.Tests.Quantization;

public sealed class WeightQuantizerTests
{
    [Fact]
    public void Quantize_EachColumn_GetsItsOwnScaleAndRoundTripsWithinHalfAStep()
    {
        // Column 0 is large, column 1 small: one scale for both would flatten column 1 to zero.
        float[] weight = [10f, 0.01f, -5f, -0.02f, 2.5f, 0.005f];

        var q = WeightQuantizer.Quantize(weight, rows: 3, columns: 2);

        Assert.Equal(10f / 127, q.Scales[0], 6);
        Assert.Equal(0.02f / 127, q.Scales[1], 6);
        Assert.Equal(127, q.Values[0]);
        Assert.Equal(-127, q.Values[3]);
        for (var i = 0; i < weight.Length; i++)
        {
            Assert.True(Math.Abs((q.Values[i] * q.Scales[i % 2]) - weight[i]) <= (q.Scales[i % 2] / 2) + 1e-7);
        }
    }

    [Fact]
    public void Quantize_ZeroColumnAndReduceRange_ZeroStaysExactAndValuesStayWithin63()
    {
        float[] weight = [0f, 1f, 0f, -3f];

        var q = WeightQuantizer.Quantize(weight, rows: 2, columns: 2, reduceRange: true);

        Assert.Equal(1f, q.Scales[0]);
        Assert.Equal(0, q.Values[0]);
        Assert.Equal(-63, q.Values[3]);
        Assert.All(q.Values, v => Assert.InRange(v, (sbyte)-63, (sbyte)63));
    }
}

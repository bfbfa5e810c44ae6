namespace Orleans.Sentiment.Modeling.Tests.Synthetic;

/// <summary>The reference's own building block that .NET lacks: erf, for exact GELU.</summary>
public sealed class ReferenceEncoderTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.1, 0.1124629160182849)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(-2.0, -0.9953222650189527)]
    [InlineData(3.5, 0.9999992569016276)]
    [InlineData(6.0, 0.9999999999999999785)]
    public void Erf_TabulatedValue_MatchesTo1e12(double x, double expected)
    {
        Assert.Equal(expected, ReferenceEncoder.Erf(x), 12);
    }
}

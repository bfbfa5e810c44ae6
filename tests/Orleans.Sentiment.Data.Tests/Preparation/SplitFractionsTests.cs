using Orleans.Sentiment.Data.Preparation;

namespace Orleans.Sentiment.Data.Tests.Preparation;

public sealed class SplitFractionsTests
{
    [Fact]
    public void Parse_ThreeSharesSummingToOne_ReturnsThem()
    {
        Assert.Equal(new SplitFractions(0.7, 0.2, 0.1), SplitFractions.Parse(" 0.7, 0.2 ,0.1"));
    }

    [Theory]
    [InlineData("0.8,0.1")]
    [InlineData("0.8,0.1,x")]
    [InlineData("0.8,0.3,0.1")]
    [InlineData("0,0.5,0.5")]
    [InlineData("1.2,-0.1,-0.1")]
    public void Parse_InvalidShares_ThrowsNamingSplitOption(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => SplitFractions.Parse(text));

        Assert.StartsWith("--split", error.Message);
    }
}

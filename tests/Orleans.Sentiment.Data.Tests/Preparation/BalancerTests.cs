using Orleans.Sentiment.Data.Preparation;

namespace Orleans.Sentiment.Data.Tests.Preparation;

public sealed class BalancerTests
{
    private static readonly List<LabelledRow> Uneven = Rows.Of(("negative", 40), ("neutral", 10), ("positive", 25));

    [Fact]
    public void Balance_Under_EveryClassCutToSmallestWithoutRepeats()
    {
        var balanced = Balancer.Balance(Uneven, BalanceMode.Under, seed: 1);

        Assert.All(balanced.GroupBy(r => r.Label), g => Assert.Equal(10, g.Count()));
        Assert.Equal(balanced.Count, balanced.Distinct().Count());
    }

    [Fact]
    public void Balance_Over_EveryClassGrownToLargestKeepingOriginals()
    {
        var balanced = Balancer.Balance(Uneven, BalanceMode.Over, seed: 1);

        Assert.All(balanced.GroupBy(r => r.Label), g => Assert.Equal(40, g.Count()));
        Assert.Empty(Uneven.Except(balanced));
    }

    [Theory]
    [InlineData(BalanceMode.Under)]
    [InlineData(BalanceMode.Over)]
    public void Balance_SameSeed_SameRows_OtherSeed_OtherRows(BalanceMode mode)
    {
        var first = Balancer.Balance(Uneven, mode, seed: 7);
        var again = Balancer.Balance(Uneven, mode, seed: 7);
        var other = Balancer.Balance(Uneven, mode, seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Balance_None_ReturnsRowsUnchanged()
    {
        Assert.Same(Uneven, Balancer.Balance(Uneven, BalanceMode.None, seed: 1));
    }
}

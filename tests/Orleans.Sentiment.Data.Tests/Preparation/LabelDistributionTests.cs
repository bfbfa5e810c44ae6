using Orleans.Sentiment.Data.Preparation;

namespace Orleans.Sentiment.Data.Tests.Preparation;

public sealed class LabelDistributionTests
{
    [Fact]
    public void Of_UnevenLabels_SortsLargestFirstAndComputesRatio()
    {
        var distribution = LabelDistribution.Of(Rows.Of(("b", 5), ("a", 20), ("c", 5)));

        Assert.Equal(["a", "b", "c"], distribution.Counts.Select(c => c.Key));
        Assert.Equal(4.0, distribution.ImbalanceRatio);
        Assert.True(distribution.IsImbalanced(3));
        Assert.False(distribution.IsImbalanced(4));
    }
}

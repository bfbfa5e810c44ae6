using Orleans.Sentiment.Data.Preparation;

namespace Orleans.Sentiment.Data.Tests.Preparation;

public sealed class StratifiedSplitterTests
{
    [Fact]
    public void Split_TwoUnevenClasses_KeepsEachClassShareInEveryPart()
    {
        var rows = Rows.Of(("negative", 300), ("positive", 100));

        var split = StratifiedSplitter.Split(rows, new SplitFractions(0.8, 0.1, 0.1), seed: 1);

        Assert.Equal((240, 80), Count(split.Train));
        Assert.Equal((30, 10), Count(split.Validation));
        Assert.Equal((30, 10), Count(split.Test));
    }

    [Fact]
    public void Split_AnySeed_PartsAreDisjointAndCoverAllRowsInInputOrder()
    {
        var rows = Rows.Of(("a", 37), ("b", 23), ("c", 11));

        var split = StratifiedSplitter.Split(rows, new SplitFractions(0.7, 0.2, 0.1), seed: 5);

        var all = split.Train.Concat(split.Validation).Concat(split.Test).ToList();
        Assert.Equal(rows.Count, all.Distinct().Count());
        Assert.Equal(rows.Count, all.Count);
        Assert.All([split.Train, split.Validation, split.Test], part => Assert.Equal(part.OrderBy(r => r.Line), part));
    }

    [Fact]
    public void Split_SameSeed_SameParts_OtherSeed_OtherParts()
    {
        var rows = Rows.Of(("a", 50), ("b", 50));

        var first = StratifiedSplitter.Split(rows, SplitFractions.Default, seed: 9);
        var again = StratifiedSplitter.Split(rows, SplitFractions.Default, seed: 9);
        var other = StratifiedSplitter.Split(rows, SplitFractions.Default, seed: 10);

        Assert.Equal(first.Test, again.Test);
        Assert.NotEqual(first.Test, other.Test);
    }

    [Fact]
    public void Split_ClassWithOneRow_StaysInTraining()
    {
        var rows = Rows.Of(("common", 20), ("rare", 1));

        var split = StratifiedSplitter.Split(rows, new SplitFractions(0.5, 0.25, 0.25), seed: 3);

        Assert.Contains(split.Train, r => r.Label == "rare");
        Assert.DoesNotContain(split.Validation.Concat(split.Test), r => r.Label == "rare");
    }

    private static (int Negative, int Positive) Count(IReadOnlyList<LabelledRow> rows) =>
        (rows.Count(r => r.Label is "negative" or "a"), rows.Count(r => r.Label is "positive" or "b"));
}

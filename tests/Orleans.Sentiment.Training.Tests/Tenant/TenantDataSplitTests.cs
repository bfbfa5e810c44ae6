using Orleans.Sentiment.Training.Tenant;

namespace Orleans.Sentiment.Training.Tests.Tenant;

public sealed class TenantDataSplitTests
{
    private static readonly string[] Labels = ["bug", "feature", "praise"];

    [Fact]
    public void Create_SplitsEveryLabelThreeWaysWithAtLeastTwoToTest()
    {
        var request = Request(new() { ["bug"] = 40, ["feature"] = 16, ["praise"] = TenantDataSplit.MinExamplesPerLabel });

        var split = TenantDataSplit.Create(request);

        Assert.Equal(request.Examples.Count, split.Train.Count + split.Validation.Count + split.Test.Count);
        Assert.Equal(request.Examples.Select(e => e.Text).Order(), split.Train.Concat(split.Validation).Concat(split.Test).Select(e => e.Text).Order());
        Assert.Equal(new Dictionary<string, int> { ["bug"] = 8, ["feature"] = 3, ["praise"] = 2 }, Count(split.Test));
        Assert.Equal(new Dictionary<string, int> { ["bug"] = 4, ["feature"] = 2, ["praise"] = 1 }, Count(split.Validation));
        Assert.Equal(new Dictionary<string, int> { ["bug"] = 28, ["feature"] = 11, ["praise"] = 5 }, Count(split.Train));
    }

    [Fact]
    public void Create_SameSeedSameSplit_OtherSeedOtherSplit()
    {
        var request = Request(new() { ["bug"] = 30, ["feature"] = 30, ["praise"] = 30 });

        var first = TenantDataSplit.Create(request);
        var again = TenantDataSplit.Create(request);
        var other = TenantDataSplit.Create(request with { Seed = request.Seed + 1 });

        Assert.Equal(first.Test.Select(e => e.Text), again.Test.Select(e => e.Text));
        Assert.Equal(first.Validation.Select(e => e.Text), again.Validation.Select(e => e.Text));
        Assert.NotEqual(first.Test.Select(e => e.Text).Order(), other.Test.Select(e => e.Text).Order());
    }

    [Fact]
    public void Create_HoldsOutAQuarterOfTheCorrections_TrainsOnTheRest()
    {
        var corrections = Enumerable.Range(0, 12).Select(i => new TenantExample($"correction {i}", [Labels[i % 3]])).ToList();
        var request = Request(new() { ["bug"] = 10, ["feature"] = 10, ["praise"] = 10 }) with { Corrections = corrections };

        var split = TenantDataSplit.Create(request);

        Assert.Equal(3, split.HeldOutCorrections.Count);
        var trainedOn = split.Train.Select(e => e.Text).Where(t => t.StartsWith("correction", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, trainedOn.Count);
        Assert.Empty(trainedOn.Intersect(split.HeldOutCorrections.Select(e => e.Text)));
    }

    [Fact]
    public void Create_TooFewCorrectionsToScore_TrainsOnAllOfThem()
    {
        var request = Request(new() { ["bug"] = 10, ["feature"] = 10, ["praise"] = 10 }) with { Corrections = [new("one", ["bug"]), new("two", ["praise"])] };

        var split = TenantDataSplit.Create(request);

        Assert.Empty(split.HeldOutCorrections);
        Assert.Contains(split.Train, e => e.Text == "one");
    }

    [Fact]
    public void Create_TooFewExamplesOfALabel_NamesTheLabelTheCountAndTheMinimum()
    {
        var request = Request(new() { ["bug"] = 20, ["feature"] = 5, ["praise"] = 20 });

        var error = Assert.Throws<TenantTrainingDataException>(() => TenantDataSplit.Create(request));

        Assert.Contains("'feature' has 5", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at least {TenantDataSplit.MinExamplesPerLabel}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'bug'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownLabel_NamesTheExampleAndTheLabel()
    {
        var request = Request(new() { ["bug"] = 10, ["feature"] = 10, ["praise"] = 10 });
        request = request with { Examples = [.. request.Examples, new TenantExample("crashes", ["crash"])] };

        var error = Assert.Throws<TenantTrainingDataException>(() => TenantDataSplit.Create(request));

        Assert.Contains("Examples[30].Labels", error.Message, StringComparison.Ordinal);
        Assert.Contains("'crash'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_EmptyTextInCorrections_NamesTheField()
    {
        var request = Request(new() { ["bug"] = 10, ["feature"] = 10, ["praise"] = 10 }) with { Corrections = [new("fine", ["bug"]), new("  ", ["bug"])] };

        var error = Assert.Throws<TenantTrainingDataException>(() => TenantDataSplit.Create(request));

        Assert.Equal("Corrections[1].Text is empty.", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(51)]
    public void Create_LabelCountOutOfRange_NamesLabels(int count)
    {
        var labels = Enumerable.Range(0, count).Select(i => $"l{i}").ToArray();
        var request = new TenantTrainingRequest
        {
            Labels = labels,
            Examples = [.. labels.SelectMany(l => Enumerable.Range(0, 10).Select(i => new TenantExample($"{l} {i}", [l])))],
            BaseModelFolder = "unused",
        };

        var error = Assert.Throws<TenantTrainingDataException>(() => TenantDataSplit.Create(request));

        Assert.StartsWith("Labels:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SeveralLabelsOnASingleLabelModel_IsRefused()
    {
        var request = Request(new() { ["bug"] = 10, ["feature"] = 10, ["praise"] = 10 });
        request = request with { Examples = [new TenantExample("both", ["bug", "feature"]), .. request.Examples] };

        var error = Assert.Throws<TenantTrainingDataException>(() => TenantDataSplit.Create(request));

        Assert.Contains("Examples[0].Labels has 2 labels", error.Message, StringComparison.Ordinal);
        Assert.NotNull(TenantDataSplit.Create(request with { MultiLabel = true }));
    }

    private static TenantTrainingRequest Request(Dictionary<string, int> counts) => new()
    {
        Labels = Labels,
        Examples = [.. counts.SelectMany(p => Enumerable.Range(0, p.Value).Select(i => new TenantExample($"{p.Key} text {i}", [p.Key])))],
        BaseModelFolder = "unused",
        Seed = 3,
    };

    private static Dictionary<string, int> Count(IReadOnlyList<LabeledExample> examples) =>
        examples.GroupBy(e => e.Labels[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}

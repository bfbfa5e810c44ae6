using TextFolding = Orleans.Sentiment.Data.Preparation.TextFolding;
using Orleans.Sentiment.Training.Data;

namespace Orleans.Sentiment.Training.Tests;

public sealed class DataPreparationTests
{
    [Theory]
    [InlineData("bug report", new[] { "bug report" })]
    [InlineData("billing| bug ", new[] { "billing", "bug" })]
    [InlineData("[\"billing\", \"bug\"]", new[] { "billing", "bug" })]
    [InlineData("  ", new string[0])]
    public void Parse_LabelCell_ReturnsEachLabel(string cell, string[] expected) =>
        Assert.Equal(expected, LabelParser.Parse(cell));

    [Fact]
    public void Fold_TextsDifferingInCaseAndWhitespace_GiveTheSameKey() =>
        Assert.Equal(TextFolding.Fold("  The App\t crashes \n"), TextFolding.Fold("the app crashes"));

    [Fact]
    public void Split_SameSeed_GivesTheSameStratifiedSplit()
    {
        var examples = SyntheticFeedback.Sentiment(200, seed: 3);

        var (keptA, heldA) = StratifiedSplitter.Split(examples, 0.25, seed: 5);
        var (_, heldB) = StratifiedSplitter.Split(examples, 0.25, seed: 5);
        var (_, heldOtherSeed) = StratifiedSplitter.Split(examples, 0.25, seed: 6);

        Assert.Equal(heldA, heldB);
        Assert.NotEqual(heldA, heldOtherSeed);
        Assert.Equal(examples.Count, keptA.Count + heldA.Count);
        foreach (var label in new[] { "positive", "negative" })
        {
            var total = examples.Count(e => e.Labels[0] == label);
            Assert.Equal(Math.Round(total * 0.25, MidpointRounding.AwayFromZero), heldA.Count(e => e.Labels[0] == label));
        }
    }

    [Fact]
    public void Merge_Corrections_LaterRowWinsAndReplacesDataRows()
    {
        using var directory = new TemporaryDirectory();
        var first = directory.File("first.jsonl");
        var second = directory.File("second.jsonl");
        File.WriteAllLines(first, [
            """{"text":"The app crashes on login","label":"positive","correctedAt":"2026-01-01T00:00:00Z"}""",
            """{"id":"only-an-id","label":"negative"}""",
        ]);
        File.WriteAllLines(second, ["""{"text":"  the APP crashes  on login ","label":"bug report","source":"web"}"""]);
        LabeledExample[] data = [new("The app crashes on login", ["praise"]), new("the app crashes on login", ["praise"]), new("Love it", ["praise"])];

        var result = CorrectionsMerger.Merge(data, [first, second]);

        Assert.Equal(2, result.ReplacedRows);
        Assert.Equal(1, result.Applied);
        Assert.Equal(1, result.SkippedRows);
        Assert.Equal(["Love it", "the APP crashes  on login"], result.Examples.Select(e => e.Text));
        Assert.Equal(["bug report"], result.Examples[1].Labels);
    }

    [Fact]
    public void Read_CsvWithMultiLabelAndEmptyRows_CountsSkippedRowsAndDetectsMultiLabel()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("data.csv");
        File.WriteAllText(path, "comment,labels\n\"charged twice, app crashes\",billing|bug\nno label here,\n,bug\nfine,praise\n");

        var set = TrainingSetReader.Read(path, "comment", "labels");

        Assert.Equal(2, set.Examples.Count);
        Assert.Equal(2, set.UnlabelledRows);
        Assert.True(set.IsMultiLabel);
        Assert.Equal(["billing", "bug", "praise"], set.Labels);
    }
}

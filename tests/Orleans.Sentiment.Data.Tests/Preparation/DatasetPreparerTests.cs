using Orleans.Sentiment.Data.Preparation;

namespace Orleans.Sentiment.Data.Tests.Preparation;

public sealed class DatasetPreparerTests : TempDirectory
{
    private static readonly PrepareOptions SeedColumns = new() { TextColumn = "comment", LabelColumn = "sentiment" };

    [Fact]
    public void Prepare_SeedStyleCsv_WritesCleanFileAndSplitsReadableWithSameColumns()
    {
        var input = WriteFile("feedback.csv", Feedback(negative: 60, positive: 20) + "\"  Great app  \",positive\n,negative\nbroken,\n\"bad \"quote\",negative\n");
        var output = Path.Combine(Root, "out");

        var report = DatasetPreparer.Prepare(input, output, SeedColumns);

        Assert.Equal(84, report.Cleaning.RecordsRead);
        Assert.Equal(81, report.Cleaning.Rows.Count);
        Assert.Equal(1, report.Cleaning.Dropped[DropRule.EmptyText]);
        Assert.Equal(1, report.Cleaning.Dropped[DropRule.MissingLabel]);
        Assert.Equal(85, Assert.Single(report.Cleaning.Malformed).Line);
        var read = new InputFileOptions { TextColumn = "comment", LabelColumn = "sentiment" };
        Assert.Equal(report.Cleaning.Rows.Select(r => (r.Text, r.Label)), InputFileReader.Read(report.Files.Cleaned, read).Select(r => (r.Text!, r.Label!)));
        Assert.Equal(["train.csv", "validation.csv", "test.csv"], new[] { report.Files.Train, report.Files.Validation, report.Files.Test }.Select(Path.GetFileName));
        Assert.Equal(report.Split.Test.Count, InputFileReader.Read(report.Files.Test, read).Count());
        Assert.Contains("Great app", File.ReadAllText(report.Files.Cleaned));
    }

    [Fact]
    public void Prepare_ImbalancedLabels_FlagsRatioAboveLimit()
    {
        var input = WriteFile("uneven.csv", Feedback(negative: 40, positive: 10));

        var report = DatasetPreparer.Prepare(input, Path.Combine(Root, "out"), SeedColumns with { MaxImbalance = 3 });

        Assert.Equal(4.0, report.Distribution.ImbalanceRatio);
        Assert.True(report.IsImbalanced);
    }

    [Fact]
    public void Prepare_OverBalancing_BalancesTrainingOnlyAndKeepsHeldOutRowsOutOfIt()
    {
        var input = WriteFile("uneven.csv", Feedback(negative: 80, positive: 20));

        var report = DatasetPreparer.Prepare(input, Path.Combine(Root, "out"), SeedColumns with { Balance = BalanceMode.Over, Seed = 3 });

        Assert.Equal([64, 64], report.TrainDistribution.Counts.Select(c => c.Value));
        Assert.Equal((8, 2), (report.Split.Test.Count(r => r.Label == "negative"), report.Split.Test.Count(r => r.Label == "positive")));
        Assert.Empty(report.Split.Train.Select(r => r.Text).Intersect(report.Split.Test.Select(r => r.Text)));
    }

    [Fact]
    public void Prepare_JsonLinesInput_WritesJsonLinesUnlessCsvAsked()
    {
        var input = WriteFile("rows.jsonl", string.Concat(Enumerable.Range(0, 20).Select(i => $$"""{"id": "c{{i}}", "comment": "text {{i}}", "sentiment": "{{(i % 2 == 0 ? "a" : "b")}}"}""" + "\n")));

        var same = DatasetPreparer.Prepare(input, Path.Combine(Root, "jsonl"), SeedColumns);
        var csv = DatasetPreparer.Prepare(input, Path.Combine(Root, "csv"), SeedColumns with { Format = OutputFormat.Csv });

        Assert.EndsWith("clean.jsonl", same.Files.Cleaned);
        Assert.StartsWith("""{"id":"c0","comment":"text 0","sentiment":"a"}""", File.ReadAllText(same.Files.Cleaned));
        Assert.StartsWith("id,comment,sentiment\nc0,text 0,a\n", File.ReadAllText(csv.Files.Cleaned));
    }

    [Fact]
    public void Prepare_TsvOutput_FlattensTabsAndLineBreaksInText()
    {
        var input = WriteFile("multi.csv", "comment,sentiment\n\"line one\nline\ttwo\",a\nplain,b\n");

        var report = DatasetPreparer.Prepare(input, Path.Combine(Root, "out"), SeedColumns with { Format = OutputFormat.Tsv });

        Assert.Equal("comment\tsentiment\nline one line two\ta\nplain\tb\n", File.ReadAllText(report.Files.Cleaned));
    }

    [Fact]
    public void Prepare_TextFile_ThrowsBecauseItHasNoLabels()
    {
        var input = WriteFile("plain.txt", "hello\n");

        Assert.Throws<InputFileException>(() => DatasetPreparer.Prepare(input, Path.Combine(Root, "out"), SeedColumns));
    }

    [Fact]
    public void Prepare_MaxImbalanceBelowOne_ThrowsNamingOption()
    {
        var input = WriteFile("uneven.csv", Feedback(negative: 2, positive: 2));

        var error = Assert.Throws<ArgumentException>(() => DatasetPreparer.Prepare(input, Path.Combine(Root, "out"), SeedColumns with { MaxImbalance = 0.5 }));

        Assert.Contains("--max-imbalance", error.Message);
    }

    private static string Feedback(int negative, int positive) =>
        "comment,sentiment\n"
        + string.Concat(Enumerable.Range(0, negative).Select(i => $"the app broke for the {i}th time,negative\n"))
        + string.Concat(Enumerable.Range(0, positive).Select(i => $"love version {i},positive\n"));
}

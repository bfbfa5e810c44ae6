using Orleans.Sentiment.Data.Preparation;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Data.Tests;

/// <summary>The shipped corpus (data/builtin/feedback.csv) keeps the shape the built-in models are trained on.</summary>
public sealed class BuiltinCorpusTests
{
    private static readonly string Corpus = Path.Combine(TestPaths.RepositoryRoot, "data", "builtin", "feedback.csv");

    private static List<InputRow> Read(string labelColumn) =>
        InputFileReader.Read(Corpus, new InputFileOptions { LabelColumn = labelColumn }).ToList();

    [Fact]
    public void Read_BuiltinCorpus_HasAtLeast3000CleanUniqueRows()
    {
        var rows = Read("sentiment");

        Assert.True(rows.Count >= 3000, $"{rows.Count} rows");
        var cleaning = RowCleaner.Clean(rows);
        Assert.Empty(cleaning.Malformed);
        Assert.Equal(0, cleaning.DroppedTotal);
    }

    [Fact]
    public void Read_BuiltinCorpus_UsesOnlyDocumentedLabelsWithSensibleBalance()
    {
        var sentiments = LabelDistribution.Of(RowCleaner.Clean(Read("sentiment")).Rows);
        var categories = LabelDistribution.Of(RowCleaner.Clean(Read("category")).Rows);

        Assert.Equal(["negative", "neutral", "positive"], sentiments.Counts.Select(c => c.Key).Order());
        Assert.Equal(["billing", "bug report", "feature request", "other", "performance", "praise", "question"], categories.Counts.Select(c => c.Key).Order());
        Assert.True(sentiments.ImbalanceRatio < 2, $"sentiment ratio {sentiments.ImbalanceRatio:0.00}");
        // "other" is the largest on purpose (most real feedback and review sentences are neither a bug, a request
        // nor a question; data/builtin/README.md), but no category may be starved.
        Assert.Equal("other", categories.Counts[0].Key);
        Assert.All(categories.Counts, c => Assert.True(c.Value >= 0.05 * categories.Total, $"{c.Key}: {c.Value} of {categories.Total} rows"));
        Assert.True(categories.ImbalanceRatio < 6, $"category ratio {categories.ImbalanceRatio:0.00}");
    }

    [Fact]
    public void Read_BuiltinCorpus_CommentsHaveThreeToSixtyWords()
    {
        var lengths = Read("sentiment").Select(r => r.Text!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToList();

        Assert.InRange(lengths.Min(), 3, 60);
        Assert.InRange(lengths.Max(), 3, 60);
    }

    [Fact]
    public void Read_BuiltinCorpus_PlainComplaintIsLabelledNegative()
    {
        var complaint = Assert.Single(Read("sentiment"), r => r.Text == "The app keeps crashing and support never answers");

        Assert.Equal("negative", complaint.Label);
    }
}

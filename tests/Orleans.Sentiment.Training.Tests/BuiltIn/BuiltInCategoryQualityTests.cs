using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Testing;
using Orleans.Sentiment.Modeling.BuiltIn;
using Orleans.Sentiment.Training.Data;

namespace Orleans.Sentiment.Training.Tests.BuiltIn;

/// <summary>
/// The built-in category model on app-review sentences written by hand for this check (<c>app-review-check.csv</c>
/// beside this file, not produced by the corpus generator): ordinary sentences (praise, descriptions of use, opinions)
/// must rarely be called a bug report or a feature request, while plain bug reports and requests still are.
/// </summary>
public sealed class BuiltInCategoryQualityTests(BuiltInModelsFixture fixture) : IClassFixture<BuiltInModelsFixture>
{
    private static readonly string[] Requests = ["bug report", "feature request"];

    private static IReadOnlyList<LabeledExample> CheckSet { get; } = TrainingSetReader.Read(
        Path.Combine(TestPaths.RepositoryRoot, "tests", "Orleans.Sentiment.Training.Tests", "BuiltIn", "app-review-check.csv"), "text", "category").Examples;

    [Fact]
    public void CategoryModel_OrdinaryAppReviewSentences_AtMostOneInTwelveCalledBugOrRequest()
    {
        var ordinary = CheckSet.Where(e => !Requests.Contains(e.Labels.Single())).ToList();

        var flagged = Predict(ordinary).Count(label => Requests.Contains(label));

        Assert.True(flagged * 12 <= ordinary.Count, $"{flagged} of {ordinary.Count} ordinary sentences called a bug report or a feature request");
    }

    /// <summary>
    /// Known limit (docs/training.md): the corpus's "performance" and "billing" categories take some plain bug reports
    /// (a freeze, a delay, a paid upgrade that did not unlock), so only half of the bug rows are required.
    /// </summary>
    [Theory]
    [InlineData("bug report", 4)]
    [InlineData("feature request", 6)]
    public void CategoryModel_PlainBugReportsAndRequests_Recognised(string category, int minimum)
    {
        var rows = CheckSet.Where(e => e.Labels.Single() == category).ToList();

        var recognised = Predict(rows).Count(label => label == category);

        Assert.True(recognised >= minimum, $"{recognised} of {rows.Count} {category} sentences recognised (needs {minimum})");
    }

    [Fact]
    public void CheckSet_Texts_AreNotInTheBuiltInCorpus()
    {
        var corpus = TrainingSetReader.Read(Path.Combine(TestPaths.RepositoryRoot, "data", "builtin", "feedback.csv"), "text", "category").Examples
            .Select(e => e.Text.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(CheckSet.Where(e => corpus.Contains(e.Text.ToLowerInvariant())).Select(e => e.Text));
    }

    private List<string> Predict(IReadOnlyList<LabeledExample> rows)
    {
        using var classifier = OnnxTextClassifier.Load(BuiltInModels.CategoryModelName, fixture.Folders.Category);
        return [.. classifier.Classify([.. rows.Select(e => e.Text)]).Select(p => p.Label)];
    }
}

using System.Text.RegularExpressions;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Testing;
using Orleans.Sentiment.Training.BuiltIn;
using Orleans.Sentiment.Training.Data;
using Orleans.Sentiment.Training.Evaluation;

namespace Orleans.Sentiment.Training.Tests.BuiltIn;

/// <summary>
/// Quality of the deterministic built-in sentiment build on plain customer comments it never saw:
/// <c>plain-feedback.csv</c> beside this file was written by hand for this check (not by the corpus generator)
/// and is used by no training step.
/// </summary>
public sealed class BuiltInSentimentQualityTests(BuiltInModelsFixture fixture) : IClassFixture<BuiltInModelsFixture>
{
    private static readonly string CheckSetPath = Path.Combine(TestPaths.RepositoryRoot, "tests", "Orleans.Sentiment.Training.Tests", "BuiltIn", "plain-feedback.csv");

    private static IReadOnlyList<LabeledExample> CheckSet { get; } = TrainingSetReader.Read(CheckSetPath, "text", "sentiment").Examples;

    [Fact]
    public void SentimentModel_PlainNegativeComments_RecallAtLeast95Percent()
    {
        var report = Evaluate();

        Assert.True(report.PerLabel["negative"].Recall >= 0.95, $"negative recall {report.PerLabel["negative"].Recall:0.000} (needs 0.95)");
    }

    [Fact]
    public void SentimentModel_PlainComments_AccuracyAtLeast85Percent()
    {
        var report = Evaluate();

        Assert.True(report.Accuracy >= 0.85, $"accuracy {report.Accuracy:0.000} (needs 0.85)");
    }

    [Fact]
    public void CheckSet_Rows_AreBalancedAndPlentiful()
    {
        var counts = CheckSet.GroupBy(e => e.Labels.Single()).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(CheckSet.Count >= 240, $"{CheckSet.Count} rows");
        Assert.Equal(["negative", "neutral", "positive"], counts.Keys.Order());
        Assert.All(counts.Values, n => Assert.InRange(n, CheckSet.Count / 4, CheckSet.Count / 2));
    }

    [Fact]
    public void CheckSet_Texts_AreNotInTheBuiltInTrainingFiles()
    {
        var training = new[] { "feedback.csv", "sentiment-lexicon.csv" }
            .SelectMany(file => TrainingSetReader.Read(Path.Combine(TestPaths.RepositoryRoot, "data", "builtin", file), "text", "sentiment").Examples)
            .Select(e => Fold(e.Text))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(CheckSet.Where(e => training.Contains(Fold(e.Text))).Select(e => e.Text));
    }

    private ClassificationReport Evaluate()
    {
        using var classifier = OnnxTextClassifier.Load(BuiltInModels.SentimentModelName, fixture.Folders.Sentiment);
        return ModelEvaluator.Evaluate(classifier, CheckSet, multiLabel: false).Report;
    }

    private static string Fold(string text) => Regex.Replace(text.ToLowerInvariant(), @"\W+", " ").Trim();
}

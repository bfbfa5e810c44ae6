using Orleans.Sentiment.Training.Evaluation;

namespace Orleans.Sentiment.Training.Tests;

public sealed class ClassificationReportTests
{
    [Fact]
    public void Compute_SingleLabelPredictions_CountsConfusionAndPerLabelScores()
    {
        string[][] truth = [["a"], ["a"], ["a"], ["b"], ["b"], ["c"]];
        string[][] predicted = [["a"], ["a"], ["b"], ["b"], ["a"], ["c"]];

        var report = ClassificationReport.Compute(["a", "b", "c"], truth, predicted);

        Assert.Equal(4.0 / 6, report.Accuracy, 10);
        Assert.Equal(2, report.Confusion["a"]["a"]);
        Assert.Equal(1, report.Confusion["a"]["b"]);
        Assert.Equal(1, report.Confusion["b"]["a"]);
        // a: precision 2/3, recall 2/3; b: 1/2, 1/2; c: 1, 1.
        Assert.Equal(2.0 / 3, report.PerLabel["a"].F1, 10);
        Assert.Equal(0.5, report.PerLabel["b"].Precision, 10);
        Assert.Equal(3, report.PerLabel["a"].Support);
        Assert.Equal(((2.0 / 3) + 0.5 + 1) / 3, report.MacroF1, 10);
    }

    [Fact]
    public void Compute_LabelOnlyInData_IsListedAfterModelLabels()
    {
        var report = ClassificationReport.Compute(["neg", "pos"], [["0"], ["pos"]], [["neg"], ["pos"]]);

        Assert.Equal(["neg", "pos", "0"], report.Labels);
        Assert.Equal(0.5, report.Accuracy);
        Assert.Equal(0, report.PerLabel["0"].Recall);
    }

    [Fact]
    public void Compute_MultiLabelPredictions_ScoresExactSetMatchesWithoutConfusion()
    {
        var report = ClassificationReport.Compute(["billing", "bug"], [["billing", "bug"], ["bug"]], [["billing", "bug"], ["billing", "bug"]]);

        Assert.Equal(0.5, report.Accuracy);
        Assert.Empty(report.Confusion);
        Assert.Equal(0.5, report.PerLabel["billing"].Precision);
        Assert.Equal(1, report.PerLabel["bug"].F1);
    }
}

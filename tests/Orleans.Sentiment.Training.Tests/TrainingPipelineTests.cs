using System.Text.Json.Nodes;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Evaluation;

namespace Orleans.Sentiment.Training.Tests;

public sealed class TrainingPipelineTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Run_WithHoldout_ScoresTheExportedModelAndWritesHeldOutRows()
    {
        var data = _directory.File("train.csv");
        TrainingPipeline.WriteExamples(data, SyntheticFeedback.Sentiment(300, seed: 21));
        var output = Path.Combine(_directory.Path, "model");

        var summary = TrainingPipeline.Run(new TrainingRequest
        {
            DataPath = data,
            LabelColumn = "label",
            OutputDirectory = output,
            HoldoutFraction = 0.2,
            Options = new CompactOptions { Dimensions = 8, BigramBuckets = 1024 },
        });

        Assert.Equal(300, summary.DataRows);
        Assert.NotNull(summary.Holdout);
        Assert.Equal(60, summary.Holdout.Report.Count);
        Assert.True(summary.Holdout.Report.Accuracy > 0.9, $"held-out accuracy {summary.Holdout.Report.Accuracy}");
        Assert.Equal(61, File.ReadAllLines(Path.Combine(output, TrainingPipeline.HoldoutFileName)).Length);
        Assert.True(File.Exists(Path.Combine(output, "onnx", "model.onnx")));
        Assert.Equal(240, summary.Result.TrainingExamples + summary.Result.ValidationExamples);
    }

    [Fact]
    public void Run_WithCorrections_TrainsOnTheCorrectedLabel()
    {
        var data = _directory.File("train.csv");
        var examples = SyntheticFeedback.Sentiment(300, seed: 22);
        examples.AddRange(Enumerable.Repeat(new LabeledExample("the kiosk beeps", ["positive"]), 20));
        TrainingPipeline.WriteExamples(data, examples);
        var corrections = _directory.File("tenant.jsonl");
        File.WriteAllText(corrections, """{"text":"The kiosk beeps","label":"negative","correctedAt":"2026-01-01T00:00:00Z"}""" + "\n");

        var summary = TrainingPipeline.Run(new TrainingRequest
        {
            DataPath = data,
            OutputDirectory = Path.Combine(_directory.Path, "model"),
            CorrectionFiles = [corrections],
            Options = new CompactOptions { Dimensions = 8, BigramBuckets = 1024 },
        });

        Assert.Equal(20, summary.RowsReplacedByCorrections);
        Assert.Equal(1, summary.CorrectionsApplied);
    }

    [Fact]
    public void Write_Evaluation_WritesReportKeysAndMisclassifiedCsvBesideIt()
    {
        var report = ClassificationReport.Compute(["negative", "positive"], [["negative"], ["positive"]], [["negative"], ["negative"]]);
        var evaluation = new ModelEvaluation(report, [new Misclassification("fine, \"mostly\"", ["positive"], ["negative"], 0.7f)]);
        var path = Path.Combine(_directory.Path, "reports", "eval.json");

        EvaluationReportWriter.Write(path, evaluation);

        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(0.5, (double)json["accuracy"]!);
        Assert.NotNull(json["macro_f1"]);
        Assert.NotNull(json["per_label"]!["positive"]!["f1"]);
        Assert.Equal(1, (int)json["confusion"]!["positive"]!["negative"]!);
        var csv = File.ReadAllLines(Path.Combine(_directory.Path, "reports", "eval.misclassified.csv"));
        Assert.Equal(["text,expected,predicted,score", "\"fine, \"\"mostly\"\"\",positive,negative,0.7"], csv);
    }
}

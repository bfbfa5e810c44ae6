using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Testing;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Data;
using Orleans.Sentiment.Training.Evaluation;

namespace Orleans.Sentiment.Training.Tests;

/// <summary>The accuracy targets, measured on ../shared/data with the exported ONNX model.</summary>
public sealed class SharedDataTargetTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [SharedDataFact]
    public void Train_Sst2_ReachesAccuracyTargetOnValidation()
    {
        var folder = Path.Combine(_directory.Path, "sst2");
        TrainingPipeline.Run(new TrainingRequest
        {
            DataPath = Path.Combine(TestPaths.SharedData!, "sst2", "train.tsv"),
            TextColumn = "sentence",
            LabelColumn = "label",
            OutputDirectory = folder,
        });
        var validation = TrainingSetReader.Read(Path.Combine(TestPaths.SharedData!, "sst2", "validation.tsv"), "sentence", "label").Examples;

        using var classifier = OnnxTextClassifier.Load("sst2", folder);
        var report = ModelEvaluator.Evaluate(classifier, validation, multiLabel: false).Report;

        Assert.True(report.Accuracy >= 0.85, $"SST-2 validation accuracy {report.Accuracy:0.0000} is below 0.85");
    }

    [SharedDataFact]
    public void Train_AirlineWithSeededHoldout_ReachesMacroF1Target()
    {
        var summary = TrainingPipeline.Run(new TrainingRequest
        {
            DataPath = Path.Combine(TestPaths.SharedData!, "airline", "train.csv"),
            LabelColumn = "airline_sentiment",
            OutputDirectory = Path.Combine(_directory.Path, "airline"),
            HoldoutFraction = 0.2,
            Options = new CompactOptions { Seed = 7 },
        });

        Assert.True(summary.Holdout!.Report.MacroF1 >= 0.72, $"airline held-out macro-F1 {summary.Holdout.Report.MacroF1:0.0000} is below 0.72");
    }
}

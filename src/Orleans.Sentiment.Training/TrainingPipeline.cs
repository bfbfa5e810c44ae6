using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CsvHelper;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Data;
using Orleans.Sentiment.Training.Evaluation;

namespace Orleans.Sentiment.Training;

/// <summary>
/// One training run end to end: read the data, merge corrections, optionally set a held-out part aside,
/// train, write the model folder, and score the held-out part with the exported model.
/// </summary>
public static class TrainingPipeline
{
    public const string HoldoutFileName = "holdout.csv";
    public const string HoldoutReportFileName = "holdout-report.json";

    public static TrainingSummary Run(TrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var data = TrainingSetReader.Read(request.DataPath, request.TextColumn, request.LabelColumn);
        if (data.Examples.Count == 0)
        {
            throw new InvalidOperationException(
                $"{request.DataPath}: no labelled rows in columns '{request.TextColumn}'/'{request.LabelColumn}' ({data.MalformedRows} malformed, {data.UnlabelledRows} without text or label).");
        }

        var merged = CorrectionsMerger.Merge(data.Examples, request.CorrectionFiles);
        var examples = merged.Examples;
        IReadOnlyList<LabeledExample>? holdout = null;
        if (request.HoldoutFraction > 0)
        {
            (examples, holdout) = StratifiedSplitter.Split(examples, request.HoldoutFraction, request.Options.Seed);
        }

        var validation = request.ValidationPath is null
            ? null
            : TrainingSetReader.Read(request.ValidationPath, request.TextColumn, request.LabelColumn).Examples;
        var result = new CompactTrainer(request.Options).Train(examples, validation, progress, cancellationToken);
        CompactModelWriter.Write(request.OutputDirectory, result.Model, request.Options.MaxSequenceLength, Describe(request, result));

        ModelEvaluation? holdoutEvaluation = null;
        string? holdoutPath = null;
        if (holdout is { Count: > 0 })
        {
            holdoutPath = Path.Combine(request.OutputDirectory, HoldoutFileName);
            WriteExamples(holdoutPath, holdout);
            using var classifier = OnnxTextClassifier.Load("trained", request.OutputDirectory);
            holdoutEvaluation = ModelEvaluator.Evaluate(classifier, holdout, result.Model.ProblemType == ProblemType.MultiLabel);
            EvaluationReportWriter.Write(Path.Combine(request.OutputDirectory, HoldoutReportFileName), holdoutEvaluation);
        }

        return new TrainingSummary(
            data.Examples.Count, data.MalformedRows, data.UnlabelledRows, merged.Applied, merged.ReplacedRows, merged.SkippedRows,
            result, holdoutEvaluation, holdoutPath, stopwatch.Elapsed);
    }

    /// <summary>Writes examples as a <c>text,label</c> CSV (labels joined with <c>|</c>), readable by <c>client evaluate</c>.</summary>
    public static void WriteExamples(string path, IEnumerable<LabeledExample> examples)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteField("text");
        csv.WriteField("label");
        csv.NextRecord();
        foreach (var example in examples)
        {
            csv.WriteField(example.Text);
            csv.WriteField(string.Join('|', example.Labels));
            csv.NextRecord();
        }
    }

    private static JsonObject Describe(TrainingRequest request, TrainingResult result) => new()
    {
        ["engine"] = "compact",
        ["seed"] = request.Options.Seed,
        ["epochs_run"] = result.History.Count,
        ["best_epoch"] = result.BestEpoch,
        ["training_examples"] = result.TrainingExamples,
        ["validation_examples"] = result.ValidationExamples,
        ["validation_accuracy"] = Math.Round(result.Validation.Accuracy, 4),
        ["validation_macro_f1"] = Math.Round(result.Validation.MacroF1, 4),
    };
}

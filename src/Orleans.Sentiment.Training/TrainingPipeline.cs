using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Engines;
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
        var engine = request.Engine ?? new CompactEngine(request.Options);
        var result = engine.Train(examples, validation, request.OutputDirectory, progress, cancellationToken);

        ModelEvaluation? holdoutEvaluation = null;
        string? holdoutPath = null;
        if (holdout is { Count: > 0 })
        {
            holdoutPath = Path.Combine(request.OutputDirectory, HoldoutFileName);
            WriteExamples(holdoutPath, holdout);
            using var classifier = OnnxTextClassifier.Load("trained", request.OutputDirectory);
            holdoutEvaluation = ModelEvaluator.Evaluate(classifier, holdout, result.ProblemType == ProblemType.MultiLabel);
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
}

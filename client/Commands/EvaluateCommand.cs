using System.CommandLine;
using System.Globalization;
using Orleans.Sentiment.Data;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Client.Offline;
using Orleans.Sentiment.Training.Data;
using Orleans.Sentiment.Training.Evaluation;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>evaluate</c>: scores a model folder on a labelled file and writes a JSON report plus the mistakes.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model folder (config.json, tokenizer, onnx/model.onnx), hub id org/name, or builtin:sentiment / builtin:category.", Required = true };
        var data = new Option<string>("--data") { Description = "Labelled .csv, .tsv or .jsonl file.", Required = true };
        var textColumn = new Option<string>("--text-column") { Description = "Column (or JSON field) with the text.", DefaultValueFactory = _ => "text" };
        var labelColumn = new Option<string>("--label-column") { Description = "Column with the true label(s): one label, a|b, or a JSON array.", DefaultValueFactory = _ => "label" };
        var report = new Option<string?>("--report") { Description = "JSON report to write; the misclassified rows go to REPORT.misclassified.csv beside it." };
        var labelMap = new Option<string?>("--label-map") { Description = "Rename data labels before comparing, e.g. 0=negative,1=positive (data ids vs model names)." };
        var command = new Command("evaluate", "Score a model on labelled data: accuracy, macro-F1, per-label precision/recall/F1 and a confusion matrix.")
        {
            model, data, textColumn, labelColumn, report, labelMap,
        };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(textColumn)!, parse.GetValue(labelColumn)!, parse.GetValue(report), parse.GetValue(labelMap)));
        return command;
    }

    private static int Run(string modelReference, string dataPath, string textColumn, string labelColumn, string? reportPath, string? labelMap)
    {
        try
        {
            var mapping = ParseLabelMap(labelMap);
            var modelDirectory = ClassifierLoader.LocateAsync(modelReference, CancellationToken.None).GetAwaiter().GetResult();
            var config = ModelConfig.Load(modelDirectory);
            var set = TrainingSetReader.Read(dataPath, textColumn, labelColumn);
            var examples = mapping.Count == 0
                ? set.Examples
                : set.Examples.Select(e => e with { Labels = e.Labels.Select(l => mapping.GetValueOrDefault(l, l)).ToArray() }).ToArray();
            if (set.Examples.Count == 0)
            {
                Console.Error.WriteLine($"{dataPath}: no labelled rows in columns '{textColumn}'/'{labelColumn}'.");
                return 1;
            }

            if (set.MalformedRows + set.UnlabelledRows > 0)
            {
                Console.Error.WriteLine($"Skipped {set.MalformedRows} malformed row(s) and {set.UnlabelledRows} row(s) without text or label.");
            }

            using var classifier = OnnxTextClassifier.Load("evaluated", modelDirectory);
            var evaluation = Evaluate(classifier, examples, config.ProblemType == ProblemType.MultiLabel);
            Render(evaluation.Report);
            if (reportPath is not null)
            {
                EvaluationReportWriter.Write(reportPath, evaluation);
                Console.WriteLine($"Report: {reportPath}; {evaluation.Misclassified.Count} misclassified row(s): {EvaluationReportWriter.MisclassifiedPath(reportPath)}");
            }

            return 0;
        }
        catch (Exception e) when (e is ModelFolderException or InputFileException or IOException or ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static Dictionary<string, string> ParseLabelMap(string? value)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new ArgumentException($"--label-map: '{pair}' is not of the form dataLabel=modelLabel.");
            }

            mapping[parts[0]] = parts[1];
        }

        return mapping;
    }

    private static ModelEvaluation Evaluate(ITextClassifier classifier, IReadOnlyList<Training.LabeledExample> examples, bool multiLabel)
    {
        if (Console.IsOutputRedirected)
        {
            return ModelEvaluator.Evaluate(classifier, examples, multiLabel);
        }

        ModelEvaluation? evaluation = null;
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask("Classifying", maxValue: examples.Count);
            evaluation = ModelEvaluator.Evaluate(classifier, examples, multiLabel, new InlineProgress<int>(done => task.Value = done));
        });
        return evaluation!;
    }

    /// <summary>Prints the scores, per-label table and confusion matrix.</summary>
    internal static void Render(ClassificationReport report)
    {
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[bold]{report.Count}[/] examples   accuracy [bold]{report.Accuracy:0.0000}[/]   macro-F1 [bold]{report.MacroF1:0.0000}[/]"));
        var perLabel = new Table().AddColumns("label", "precision", "recall", "F1", "support");
        foreach (var label in report.Labels)
        {
            var scores = report.PerLabel[label];
            perLabel.AddRow(Markup.Escape(label), Format(scores.Precision), Format(scores.Recall), Format(scores.F1), scores.Support.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(perLabel);
        if (report.Confusion.Count == 0)
        {
            return;
        }

        AnsiConsole.WriteLine("Confusion matrix (rows: true label, columns: predicted label):");
        var confusion = new Table().AddColumn("true \\ predicted");
        foreach (var label in report.Labels)
        {
            confusion.AddColumn(new TableColumn(Markup.Escape(label)).RightAligned());
        }

        foreach (var truth in report.Labels)
        {
            confusion.AddRow([Markup.Escape(truth), .. report.Labels.Select(p => report.Confusion[truth][p].ToString(CultureInfo.InvariantCulture))]);
        }

        AnsiConsole.Write(confusion);
    }

    private static string Format(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}

/// <summary>Reports on the calling thread, so a progress bar moves while the work runs.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

using System.CommandLine;
using System.Globalization;
using Orleans.Sentiment.Data;
using Orleans.Sentiment.Training;
using Orleans.Sentiment.Training.Compact;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>train</c>: trains a classifier for the labels in a file and writes a model folder the runtime loads.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new CompactOptions();
        var data = new Option<string>("--data") { Description = "Labelled .csv, .tsv or .jsonl training file.", Required = true };
        var textColumn = new Option<string>("--text-column") { Description = "Column (or JSON field) with the text.", DefaultValueFactory = _ => "text" };
        var labelColumn = new Option<string>("--label-column") { Description = "Column with the label(s); several labels (a|b or a JSON array) train a multi-label model.", DefaultValueFactory = _ => "label" };
        var output = new Option<string>("--out") { Description = "Model folder to write.", Required = true };
        var engine = new Option<string>("--engine") { Description = "Training engine.", DefaultValueFactory = _ => "compact" };
        engine.AcceptOnlyFromAmong("compact");
        var validation = new Option<string?>("--validation") { Description = "Validation file for early stopping (same columns); default: a seeded, stratified 10% of the data." };
        var seed = new Option<int>("--seed") { Description = "Seed for initialisation, shuffling and splits: same seed, same model.", DefaultValueFactory = _ => defaults.Seed };
        var epochs = new Option<int?>("--epochs") { Description = "Most epochs; early stopping usually ends sooner (default: 15 from 5,000 rows up, more for smaller data)." };
        var corrections = new Option<string[]>("--corrections") { Description = "Corrections JSONL file(s) ({\"text\",\"label\"}); later rows win, and corrections win over the data.", AllowMultipleArgumentsPerToken = true };
        var holdout = new Option<double>("--holdout") { Description = "Fraction set aside before training (seeded, stratified) and scored with the exported model; written to OUT/holdout.csv.", DefaultValueFactory = _ => 0 };
        var dimensions = new Option<int>("--dim") { Description = "Embedding width.", DefaultValueFactory = _ => defaults.Dimensions };
        var buckets = new Option<int>("--buckets") { Description = "Hash buckets for word bigrams (0: no bigrams).", DefaultValueFactory = _ => defaults.BigramBuckets };
        var learningRate = new Option<float?>("--lr") { Description = "Starting learning rate, decaying linearly (default: 0.1 from 5,000 rows up, larger for smaller data)." };
        var minCount = new Option<int>("--min-count") { Description = "Words seen fewer times are split into subword pieces.", DefaultValueFactory = _ => defaults.MinWordCount };
        var pieces = new Option<int>("--pieces") { Description = "Word-continuation pieces (##ing) in the vocabulary, so unseen words map to known pieces (0: unseen words become [UNK]).", DefaultValueFactory = _ => defaults.SubwordPieces };
        var balance = new Option<bool>("--balance-labels") { Description = "Weight examples by 1/sqrt(label frequency) (single-label data); on by default, --balance-labels false turns it off.", DefaultValueFactory = _ => defaults.BalanceLabels };
        var patience = new Option<int>("--patience") { Description = "Epochs without a better validation macro-F1 before stopping.", DefaultValueFactory = _ => defaults.Patience };
        var command = new Command("train", "Train a classifier (compact engine: word + bigram embeddings, CPU only) and write a model folder.")
        {
            data, textColumn, labelColumn, output, engine, validation, seed, epochs, corrections, holdout, dimensions, buckets, learningRate, minCount, patience, balance, pieces,
        };
        command.SetAction(parse =>
        {
            var holdoutFraction = parse.GetValue(holdout);
            if (holdoutFraction is < 0 or >= 1)
            {
                Console.Error.WriteLine("--holdout must be at least 0 and below 1.");
                return 1;
            }

            var request = new TrainingRequest
            {
                DataPath = parse.GetValue(data)!,
                TextColumn = parse.GetValue(textColumn)!,
                LabelColumn = parse.GetValue(labelColumn)!,
                OutputDirectory = parse.GetValue(output)!,
                ValidationPath = parse.GetValue(validation),
                CorrectionFiles = parse.GetValue(corrections) ?? [],
                HoldoutFraction = holdoutFraction,
                Options = defaults with
                {
                    Seed = parse.GetValue(seed),
                    Epochs = parse.GetValue(epochs),
                    Dimensions = parse.GetValue(dimensions),
                    BigramBuckets = parse.GetValue(buckets),
                    LearningRate = parse.GetValue(learningRate),
                    MinWordCount = parse.GetValue(minCount),
                    Patience = parse.GetValue(patience),
                    BalanceLabels = parse.GetValue(balance),
                    SubwordPieces = parse.GetValue(pieces),
                },
            };
            return Run(request);
        });
        return command;
    }

    private static int Run(TrainingRequest request)
    {
        try
        {
            var summary = Console.IsOutputRedirected ? TrainingPipeline.Run(request, new InlineProgress<TrainingProgress>(PrintEpoch)) : RunWithProgressBar(request);
            Report(request, summary);
            return 0;
        }
        catch (Exception e) when (e is InputFileException or InvalidOperationException or ArgumentException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    private static TrainingSummary RunWithProgressBar(TrainingRequest request)
    {
        TrainingSummary? summary = null;
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn()).Start(context =>
        {
            var task = context.AddTask("Training", maxValue: 1);
            summary = TrainingPipeline.Run(request, new InlineProgress<TrainingProgress>(epoch =>
            {
                task.MaxValue = epoch.MaxEpochs;
                task.Value = epoch.Epoch;
                task.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch.Epoch} loss {epoch.Loss:0.0000} validation macro-F1 {epoch.ValidationMacroF1:0.0000}");
                PrintEpoch(epoch);
            }));
            task.Value = task.MaxValue;
        });
        return summary!;
    }

    private static void PrintEpoch(TrainingProgress epoch) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"epoch {epoch.Epoch}/{epoch.MaxEpochs}  loss {epoch.Loss:0.0000}  validation accuracy {epoch.ValidationAccuracy:0.0000}  macro-F1 {epoch.ValidationMacroF1:0.0000}{(epoch.Improved ? "  (best)" : "")}"));

    private static void Report(TrainingRequest request, TrainingSummary summary)
    {
        var result = summary.Result;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Read {summary.DataRows} labelled row(s); skipped {summary.MalformedRows} malformed and {summary.UnlabelledRows} without text or label."));
        if (request.CorrectionFiles.Count > 0)
        {
            Console.WriteLine($"Corrections: {summary.CorrectionsApplied} applied, {summary.RowsReplacedByCorrections} data row(s) replaced, {summary.CorrectionRowsSkipped} row(s) without text or label skipped.");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained on {result.TrainingExamples} example(s), validated on {result.ValidationExamples}; best epoch {result.BestEpoch}: validation accuracy {result.Validation.Accuracy:0.0000}, macro-F1 {result.Validation.MacroF1:0.0000}; {summary.Elapsed.TotalSeconds:0.0} s."));
        Console.WriteLine($"Labels: {string.Join(", ", result.Model.Labels)}{(result.Model.ProblemType == Inference.ProblemType.MultiLabel ? " (multi-label)" : "")}");
        Console.WriteLine($"Model folder: {request.OutputDirectory}");
        if (summary.Holdout is { } holdout)
        {
            Console.WriteLine($"Held-out rows ({summary.HoldoutDataPath}), scored with the exported model:");
            EvaluateCommand.Render(holdout.Report);
        }
    }
}

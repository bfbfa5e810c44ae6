using System.CommandLine;
using System.Globalization;
using Orleans.Sentiment.Client.BaseModels;
using Orleans.Sentiment.Data;
using Orleans.Sentiment.Training;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Engines;
using Orleans.Sentiment.Training.Head;
using Orleans.Sentiment.Training.Lora;
using Spectre.Console;

namespace Orleans.Sentiment.Client.Commands;

/// <summary><c>train</c>: trains a classifier for the labels in a file and writes a model folder the runtime loads.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var compact = new CompactOptions();
        var lora = new LoraOptions();
        var head = new HeadOptions();
        var data = new Option<string>("--data") { Description = "Labelled .csv, .tsv or .jsonl training file.", Required = true };
        var textColumn = new Option<string>("--text-column") { Description = "Column (or JSON field) with the text.", DefaultValueFactory = _ => "text" };
        var labelColumn = new Option<string>("--label-column") { Description = "Column with the label(s); several labels (a|b or a JSON array) train a multi-label model.", DefaultValueFactory = _ => "label" };
        var output = new Option<string>("--out") { Description = "Model folder to write.", Required = true };
        var method = new Option<string>("--method", "--engine")
        {
            Description = "compact: word + bigram embeddings, seconds, no base model. head: frozen pretrained encoder + trained head, minutes. lora: LoRA fine-tuning of a pretrained encoder (TorchSharp), best accuracy, slowest.",
            DefaultValueFactory = _ => "compact",
        };
        method.AcceptOnlyFromAmong("compact", "head", "lora");
        var baseModel = new Option<string>("--base") { Description = "Pretrained encoder for head and lora: builtin:minilm (all-MiniLM-L6-v2, offline), a Hugging Face folder with model.safetensors, or a hub id org/name (pulled like model pull).", DefaultValueFactory = _ => "builtin:minilm" };
        var revision = new Option<string?>("--revision") { Description = "Branch, tag or commit of a hub --base (default: main)." };
        var validation = new Option<string?>("--validation") { Description = "Validation file for early stopping (same columns); default: a seeded, stratified 10% of the data." };
        var seed = new Option<int>("--seed") { Description = "Seed for initialisation, dropout, shuffling and splits: same seed, same model.", DefaultValueFactory = _ => compact.Seed };
        var epochs = new Option<int?>("--epochs") { Description = $"Most epochs; early stopping on validation macro-F1 may end sooner (compact: 15 from 5,000 rows up, more for smaller data; head: {head.Epochs}; lora: none, the run is planned by steps, {StepPlan.TargetEpochs} epochs bounded to {lora.MinSteps}-{lora.MaxSteps} steps, or 1 epoch from {LoraOptions.LargeDataExamples} training rows up)." };
        var batchSize = new Option<int?>("--batch-size") { Description = $"Examples per step (head: {head.BatchSize}; lora: {lora.BatchSize})." };
        var learningRate = new Option<double?>("--learning-rate", "--lr") { Description = $"Starting learning rate (compact: 0.1 from 5,000 rows up, larger for smaller data, linear decay; head: AdamW {head.LearningRate}; lora: AdamW peak {LoraOptions.SmallDataLearningRate}, or {LoraOptions.LargeDataLearningRate} below {LoraOptions.FewShotExamples} and from {LoraOptions.LargeDataExamples} training rows up, linear warm-up and decay)." };
        var maxLength = new Option<int?>("--max-length") { Description = $"Longest token sequence for head and lora, special tokens included (head: {head.MaxLength}; lora: {lora.MaxLength})." };
        var maxExamples = new Option<int?>("--max-examples") { Description = "head and lora: train on at most this many examples (a seeded sample), to bound the time." };
        var loraRank = new Option<int>("--lora-r") { Description = "LoRA rank r.", DefaultValueFactory = _ => lora.Rank };
        var loraAlpha = new Option<double>("--lora-alpha") { Description = "LoRA alpha; the update is scaled by alpha/r.", DefaultValueFactory = _ => lora.Alpha };
        var loraDropout = new Option<double>("--lora-dropout") { Description = "Dropout on the input of each LoRA branch.", DefaultValueFactory = _ => lora.Dropout };
        var loraTargets = new Option<string[]>("--lora-targets") { Description = "Linear modules that get LoRA branches, comma-separated (default: query,value; q_lin,v_lin for DistilBERT).", AllowMultipleArgumentsPerToken = true };
        var hidden = new Option<int>("--head-hidden") { Description = "head: width of a ReLU hidden layer before the classifier (0: linear head).", DefaultValueFactory = _ => head.HiddenSize };
        var threads = new Option<int>("--threads") { Description = "lora: CPU threads for libtorch (0: all cores).", DefaultValueFactory = _ => 0 };
        var corrections = new Option<string[]>("--corrections") { Description = "Corrections JSONL file(s) ({\"text\",\"label\"}); later rows win, and corrections win over the data.", AllowMultipleArgumentsPerToken = true };
        var holdout = new Option<double>("--holdout") { Description = "Fraction set aside before training (seeded, stratified) and scored with the exported model; written to OUT/holdout.csv.", DefaultValueFactory = _ => 0 };
        var dimensions = new Option<int>("--dim") { Description = "compact: embedding width.", DefaultValueFactory = _ => compact.Dimensions };
        var buckets = new Option<int>("--buckets") { Description = "compact: hash buckets for word bigrams (0: no bigrams).", DefaultValueFactory = _ => compact.BigramBuckets };
        var minCount = new Option<int>("--min-count") { Description = "compact: words seen fewer times are split into subword pieces.", DefaultValueFactory = _ => compact.MinWordCount };
        var pieces = new Option<int>("--pieces") { Description = "compact: word-continuation pieces (##ing) in the vocabulary, so unseen words map to known pieces (0: unseen words become [UNK]).", DefaultValueFactory = _ => compact.SubwordPieces };
        var balance = new Option<bool>("--balance-labels") { Description = "Weight examples by 1/sqrt(label frequency) (single-label data); on by default, --balance-labels false turns it off.", DefaultValueFactory = _ => compact.BalanceLabels };
        var patience = new Option<int?>("--patience") { Description = $"Validation scorings without a better macro-F1 before stopping; one per epoch (compact: {compact.Patience}; head: {head.Patience}), lora: {lora.Evaluations} spread over the planned steps, or one per epoch with --epochs ({lora.Patience})." };
        var command = new Command("train", "Train a classifier and write a model folder the silo and classify load: compact (CPU, seconds), head (frozen pretrained encoder), or lora (LoRA fine-tuning, PEFT-format adapter).")
        {
            data, textColumn, labelColumn, output, method, baseModel, revision, validation, seed, epochs, batchSize, learningRate, maxLength, maxExamples,
            loraRank, loraAlpha, loraDropout, loraTargets, hidden, threads, corrections, holdout, dimensions, buckets, minCount, patience, balance, pieces,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var holdoutFraction = parse.GetValue(holdout);
            if (holdoutFraction is < 0 or >= 1)
            {
                Console.Error.WriteLine("--holdout must be at least 0 and below 1.");
                return 1;
            }

            var chosen = parse.GetValue(method)!;
            var compactOptions = compact with
            {
                Seed = parse.GetValue(seed),
                Epochs = parse.GetValue(epochs),
                Dimensions = parse.GetValue(dimensions),
                BigramBuckets = parse.GetValue(buckets),
                LearningRate = (float?)parse.GetValue(learningRate),
                MinWordCount = parse.GetValue(minCount),
                Patience = parse.GetValue(patience) ?? compact.Patience,
                BalanceLabels = parse.GetValue(balance),
                SubwordPieces = parse.GetValue(pieces),
            };
            try
            {
                ITrainingEngine? engine = null;
                var steps = new StepReporter();
                if (chosen != "compact")
                {
                    var (directory, name) = await BaseModelLocator.ResolveAsync(parse.GetValue(baseModel)!, parse.GetValue(revision), cancellationToken);
                    engine = chosen == "head"
                        ? new HeadEngine(directory, head with
                        {
                            Seed = parse.GetValue(seed),
                            Epochs = parse.GetValue(epochs) ?? head.Epochs,
                            BatchSize = parse.GetValue(batchSize) ?? head.BatchSize,
                            LearningRate = (float?)parse.GetValue(learningRate) ?? head.LearningRate,
                            MaxLength = parse.GetValue(maxLength) ?? head.MaxLength,
                            HiddenSize = parse.GetValue(hidden),
                            Patience = parse.GetValue(patience) ?? head.Patience,
                            BalanceLabels = parse.GetValue(balance),
                            MaxExamples = parse.GetValue(maxExamples),
                        }, new InlineProgress<string>(Console.WriteLine))
                        : new LoraEngine(directory, name, lora with
                        {
                            Seed = parse.GetValue(seed),
                            Rank = parse.GetValue(loraRank),
                            Alpha = parse.GetValue(loraAlpha),
                            Dropout = parse.GetValue(loraDropout),
                            TargetModules = SplitTargets(parse.GetValue(loraTargets)),
                            Epochs = parse.GetValue(epochs),
                            BatchSize = parse.GetValue(batchSize) ?? lora.BatchSize,
                            LearningRate = parse.GetValue(learningRate) ?? lora.LearningRate,
                            MaxLength = parse.GetValue(maxLength) ?? lora.MaxLength,
                            MaxExamples = parse.GetValue(maxExamples),
                            Patience = parse.GetValue(patience) ?? lora.Patience,
                            Threads = parse.GetValue(threads),
                            BalanceLabels = parse.GetValue(balance),
                        }, steps, new InlineProgress<string>(Console.WriteLine));
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
                    Options = compactOptions,
                    Engine = engine,
                };
                return Run(request, chosen, steps, cancellationToken);
            }
            catch (Exception e) when (e is InputFileException or InvalidOperationException or ArgumentException or IOException or InvalidDataException or Orleans.Sentiment.Inference.ModelFolderException or Orleans.Sentiment.Hub.HubException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static IReadOnlyList<string>? SplitTargets(string[]? values)
    {
        var targets = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        return targets.Length == 0 ? null : targets;
    }

    private static int Run(TrainingRequest request, string method, StepReporter steps, CancellationToken cancellationToken)
    {
        var summary = Console.IsOutputRedirected
            ? TrainingPipeline.Run(request, new InlineProgress<TrainingProgress>(PrintEpoch), cancellationToken)
            : RunWithProgressBar(request, method, steps, cancellationToken);
        Report(request, summary);
        return 0;
    }

    private static TrainingSummary RunWithProgressBar(TrainingRequest request, string method, StepReporter steps, CancellationToken cancellationToken)
    {
        TrainingSummary? summary = null;
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn()).Start(context =>
        {
            var task = context.AddTask("Training", maxValue: 1);
            steps.OnStep = step =>
            {
                task.MaxValue = step.TotalSteps;
                task.Value = step.Step;
                task.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {step.Epoch} step {step.Step}/{step.TotalSteps} loss {step.Loss:0.0000}");
            };
            summary = TrainingPipeline.Run(request, new InlineProgress<TrainingProgress>(epoch =>
            {
                if (method != "lora")
                {
                    task.MaxValue = epoch.MaxEpochs;
                    task.Value = epoch.Epoch;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {epoch.Epoch} loss {epoch.Loss:0.0000} validation macro-F1 {epoch.ValidationMacroF1:0.0000}");
                }

                PrintEpoch(epoch);
            }), cancellationToken);
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
        Console.WriteLine($"Labels: {string.Join(", ", result.Labels)}{(result.ProblemType == Inference.ProblemType.MultiLabel ? " (multi-label)" : "")}");
        Console.WriteLine($"Model folder: {request.OutputDirectory}");
        if (summary.Holdout is { } holdout)
        {
            Console.WriteLine($"Held-out rows ({summary.HoldoutDataPath}), scored with the exported model:");
            EvaluateCommand.Render(holdout.Report);
        }
    }

    /// <summary>LoRA step progress: drives the bar on a terminal; one plain line per twentieth of the plan otherwise.</summary>
    private sealed class StepReporter : IProgress<LoraStep>
    {
        public Action<LoraStep>? OnStep { get; set; }

        public void Report(LoraStep value)
        {
            if (OnStep is { } onStep)
            {
                onStep(value);
                return;
            }

            if (value.Step == value.TotalSteps || value.Step % Math.Max(1, value.TotalSteps / 20) == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {value.Epoch}  step {value.Step}/{value.TotalSteps}  loss {value.Loss:0.0000}  {value.Elapsed.TotalSeconds:0} s"));
            }
        }
    }
}

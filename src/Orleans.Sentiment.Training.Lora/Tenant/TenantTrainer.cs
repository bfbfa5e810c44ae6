using System.Diagnostics;
using System.Globalization;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Evaluation;
using Orleans.Sentiment.Training.Head;
using Orleans.Sentiment.Training.Tenant;

namespace Orleans.Sentiment.Training.Lora.Tenant;

/// <summary>
/// Trains tenant model versions: checks and splits the data (<see cref="TenantDataSplit"/>), trains LoRA on a
/// mean-pooled head over a planned number of steps (<see cref="StepPlan"/>) or a head on the frozen encoder, scores
/// the held-out test part and held-out corrections, and returns the artifact. The work runs on a low-priority thread
/// (<see cref="LowPriorityThread"/>) so ingestion on the same machine wins the cores.
/// </summary>
/// <param name="lora">LoRA settings the request's choices apply to; null: <see cref="LoraOptions"/>' defaults.</param>
/// <param name="head">Head settings the request's choices apply to; null: <see cref="HeadOptions"/>' defaults.</param>
public sealed class TenantTrainer(LoraOptions? lora = null, HeadOptions? head = null) : ITenantTrainer
{
    private readonly LoraOptions _lora = lora ?? new LoraOptions();
    private readonly HeadOptions _head = head ?? new HeadOptions();

    public const string Lora = "lora";
    public const string Head = "head";
    public const string Auto = "auto";

    /// <summary>Fewest examples per label a request needs.</summary>
    public const int MinExamplesPerLabel = TenantDataSplit.MinExamplesPerLabel;

    public Task<TenantTrainingResult> TrainAsync(TenantTrainingRequest request, IProgress<TenantTrainingProgress> progress, CancellationToken cancellationToken) =>
        LowPriorityThread.Run<TenantTrainingResult, TenantTrainingProgress>("tenant-training", relay =>
        {
            try
            {
                return Train(request, relay, cancellationToken);
            }
            finally
            {
                // The caller is a silo that goes back to classifying: it should not keep the run's peak memory.
                TorchRuntime.ReleaseMemory();
            }
        }, progress);

    /// <summary>The method "auto" means LoRA: it measured better than the frozen-encoder head with all of the van Vliet rows and with 16 per label.</summary>
    public static string ChooseMethod(TenantTrainingRequest request) => request.Method switch
    {
        Auto or Lora => Lora,
        Head => Head,
        _ => throw new TenantTrainingDataException($"Method: '{request.Method}' is not one of {Auto}, {Lora}, {Head}."),
    };

    private TenantTrainingResult Train(TenantTrainingRequest request, IProgress<TenantTrainingProgress> progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        progress.Report(new TenantTrainingProgress("prepare", 0, 0, 0, null, null));
        var method = ChooseMethod(request);
        var split = TenantDataSplit.Create(request);
        cancellationToken.ThrowIfCancellationRequested();
        var encoder = PretrainedEncoder.Load(request.BaseModelFolder);
        var trained = method == Head
            ? TrainHead(request, split, encoder, progress, cancellationToken)
            : TrainLora(request, split, encoder, clock, progress, cancellationToken);
        progress.Report(new TenantTrainingProgress("done", 0, trained.Steps, trained.Steps, null, trained.HeldOut.MacroF1));
        return new TenantTrainingResult(
            trained.Artifact, method, Evaluation(trained.HeldOut), trained.Corrections is { } c ? Evaluation(c) : null,
            trained.TrainedOn, split.Validation.Count, split.Test.Count, trained.Steps, clock.Elapsed, trained.Options);
    }

    private Trained TrainLora(TenantTrainingRequest request, TenantDataSplit split, PretrainedEncoder encoder, Stopwatch clock, IProgress<TenantTrainingProgress> progress, CancellationToken cancellationToken)
    {
        var defaults = _lora;
        var options = defaults with
        {
            Seed = request.Seed,
            Epochs = request.Epochs,
            LearningRate = request.LearningRate ?? defaults.LearningRate,
            MaxLength = request.MaxLength ?? defaults.MaxLength,
            Threads = request.Threads,
            // Preparing may already have spent the budget: then one step runs, is scored and kept.
            MaxDuration = Remaining(request, clock),
        };
        var tokenizer = TokenizerLoader.Load(request.BaseModelFolder);
        var maxLength = Math.Min(options.MaxLength, tokenizer.ModelMaxLength);
        double? validationF1 = null;
        var plan = StepPlan.For(split.Train.Count, options);
        var steps = new SynchronousProgress<LoraStep>(s => progress.Report(new TenantTrainingProgress("train", s.Epoch, s.Step, s.TotalSteps, s.Loss, validationF1)));
        var scorings = new SynchronousProgress<TrainingProgress>(p => validationF1 = p.ValidationMacroF1);
        var trainingStarted = clock.Elapsed;
        var selection = new LoraTrainer(options).Train(encoder, tokenizer, split.Train, split.Validation, request.Labels, request.MultiLabel, new Random(request.Seed), scorings, steps, null, cancellationToken);
        var stopped = selection.Steps == plan.TotalSteps ? "plan" : clock.Elapsed >= request.MaxDuration ? "time" : "early";
        var refit = Refit(request, split, encoder, tokenizer, maxLength, options, selection, clock.Elapsed - trainingStarted, clock, progress, cancellationToken);
        using var model = refit.Model ?? selection.Model;
        if (refit.Model is not null)
        {
            selection.Model.Dispose();
        }

        progress.Report(new TenantTrainingProgress("evaluate", 0, selection.Steps, plan.TotalSteps, null, selection.Validation.MacroF1));
        ClassificationReport Score(IReadOnlyList<LabeledExample> examples) =>
            LoraTrainer.Score(model, request.Labels, request.MultiLabel, LoraTrainer.Tokenize(examples, request.Labels, tokenizer, maxLength), tokenizer.PadTokenId, options.BatchSize);
        return new Trained(
            TenantArtifactWriter.FromLora(model, request.Labels, request.MultiLabel, request.BaseModel),
            Score(split.Test),
            split.HeldOutCorrections.Count > 0 ? Score(split.HeldOutCorrections) : null,
            selection.Steps,
            Options(request, new()
            {
                ["pooling"] = options.Pooling.ToString().ToLowerInvariant(),
                ["learning_rate"] = Invariant(options.LearningRateFor(split.Train.Count)),
                ["max_length"] = Invariant(maxLength),
                ["lora_r"] = Invariant(options.Rank),
                ["lora_alpha"] = Invariant(options.Alpha),
                ["batch_size"] = Invariant(options.BatchSize),
                ["planned_steps"] = Invariant(plan.TotalSteps),
                ["best_step"] = Invariant(selection.BestStep),
                ["stopped_by"] = stopped,
                ["validation_macro_f1"] = Invariant(Math.Round(selection.Validation.MacroF1, 4)),
                ["refit"] = refit.Outcome,
                ["refit_steps"] = Invariant(refit.Steps),
            }),
            refit.Model is null ? split.Train.Count : split.Train.Count + split.Validation.Count);
    }

    /// <summary>
    /// Trains once more, from the base, on the training and validation parts together for as many epochs as
    /// validation chose (the served model then learns from every example but the test part, which stays unseen so the
    /// gate's figures hold for it). Skipped when the time budget left cannot fit it at the pace measured so far, and
    /// dropped (the selected checkpoint serves) when it runs out of time anyway. Null model: not refitted.
    /// </summary>
    private static (LoraClassifier? Model, int Steps, string Outcome) Refit(
        TenantTrainingRequest request, TenantDataSplit split, PretrainedEncoder encoder, ITextTokenizer tokenizer, int maxLength, LoraOptions options,
        LoraTrainer.Result selection, TimeSpan selectionTime, Stopwatch clock, IProgress<TenantTrainingProgress> progress, CancellationToken cancellationToken)
    {
        if (split.Validation.Count == 0 || selection.BestStep == 0)
        {
            return (null, 0, "none");
        }

        // A few dozen rows validate on one or two per label: the chosen step is mostly luck, and repeating it on a
        // different batch order lost more than the extra rows gave (measured at 16 per label, docs/training.md).
        if (split.Train.Count < LoraOptions.FewShotExamples)
        {
            return (null, 0, "none: few-shot");
        }

        List<LabeledExample> all = [.. split.Train, .. split.Validation];
        // The learning rate of the selection run: the refit repeats that run on more rows, not a different recipe.
        var refitOptions = options with { LearningRate = options.LearningRateFor(split.Train.Count) };
        var plan = StepPlan.For(all.Count, refitOptions);
        // As many passes over the data as the chosen checkpoint made: steps grow with the rows (not rounded to whole
        // batches per epoch, which at a few dozen rows would add half as many steps again).
        var steps = Math.Clamp((int)Math.Round(selection.BestStep * (double)all.Count / split.Train.Count), 1, plan.TotalSteps);
        var pace = selectionTime / selection.Steps;
        var left = Remaining(request, clock);
        if (pace * steps * RefitTimeMargin > left)
        {
            return (null, 0, "skipped: time budget");
        }

        var relay = new SynchronousProgress<LoraStep>(s => progress.Report(new TenantTrainingProgress("refit", s.Epoch, s.Step, steps, s.Loss, selection.Validation.MacroF1)));
        var refit = new LoraTrainer(refitOptions with { FixedSteps = steps, MaxDuration = left })
            .Train(encoder, tokenizer, all, [], request.Labels, request.MultiLabel, new Random(request.Seed), null, relay, null, cancellationToken);
        if (refit.Steps < steps)
        {
            refit.Model.Dispose();
            return (null, refit.Steps, "dropped: time budget");
        }

        // Nothing unseen is left to check the refit on, but it must at least fit the rows it learnt from as well as
        // the selected checkpoint does; a refit that diverged (a different batch order at a high rate) is dropped.
        var rows = LoraTrainer.Tokenize(all, request.Labels, tokenizer, maxLength);
        double Fit(LoraClassifier model) => LoraTrainer.Score(model, request.Labels, request.MultiLabel, rows, tokenizer.PadTokenId, options.BatchSize).MacroF1;
        if (Fit(refit.Model) < Fit(selection.Model) - RefitFitTolerance)
        {
            refit.Model.Dispose();
            return (null, refit.Steps, "dropped: fits its data worse");
        }

        return (refit.Model, refit.Steps, "train+validation");
    }

    /// <summary>How much lower the refit's macro-F1 on its own rows may be than the selected checkpoint's.</summary>
    private const double RefitFitTolerance = 0.02;

    /// <summary>The refit starts only when it fits this many times over in the time left (scoring and the pace's noise).</summary>
    private const double RefitTimeMargin = 1.25;

    private static TimeSpan Remaining(TenantTrainingRequest request, Stopwatch clock) =>
        TimeSpan.FromTicks(Math.Max(1, (request.MaxDuration - clock.Elapsed).Ticks));

    private Trained TrainHead(TenantTrainingRequest request, TenantDataSplit split, PretrainedEncoder encoder, IProgress<TenantTrainingProgress> progress, CancellationToken cancellationToken)
    {
        var defaults = _head;
        var options = defaults with
        {
            Seed = request.Seed,
            Epochs = request.Epochs ?? defaults.Epochs,
            LearningRate = (float?)request.LearningRate ?? defaults.LearningRate,
            MaxLength = request.MaxLength ?? defaults.MaxLength,
        };
        using var embedder = new SentenceEmbedder(encoder, options.MaxLength, request.Threads);
        List<LabeledExample> all = [.. split.Train, .. split.Validation, .. split.Test, .. split.HeldOutCorrections];
        progress.Report(new TenantTrainingProgress("embed", 0, 0, options.Epochs, null, null));
        var embeddings = embedder.Embed([.. all.Select(e => e.Text)], cancellationToken: cancellationToken);
        var offset = 0;
        IReadOnlyList<(float[] Embedding, IReadOnlyList<string> Labels)> Take(IReadOnlyList<LabeledExample> part)
        {
            var taken = part.Select((e, i) => (embeddings[offset + i], e.Labels)).ToArray();
            offset += part.Count;
            return taken;
        }

        var (train, validation, test, corrections) = (Take(split.Train), Take(split.Validation), Take(split.Test), Take(split.HeldOutCorrections));
        var epochs = new SynchronousProgress<TrainingProgress>(p => progress.Report(new TenantTrainingProgress("train", p.Epoch, p.Epoch, p.MaxEpochs, p.Loss, p.ValidationMacroF1)));
        var result = new HeadTrainer(options).Train(request.Labels, request.MultiLabel, train, validation, epochs, cancellationToken);
        return new Trained(
            TenantArtifactWriter.FromHead(result.Head, request.Labels, request.MultiLabel, request.BaseModel),
            HeadTrainer.Score(result.Head, request.Labels, test),
            corrections.Count > 0 ? HeadTrainer.Score(result.Head, request.Labels, corrections) : null,
            result.History.Count,
            Options(request, new()
            {
                ["pooling"] = "mean",
                ["learning_rate"] = Invariant(options.LearningRate),
                ["max_length"] = Invariant(embedder.MaxLength),
                ["epochs_run"] = Invariant(result.History.Count),
                ["best_epoch"] = Invariant(result.BestEpoch),
                ["validation_macro_f1"] = Invariant(Math.Round(result.Validation.MacroF1, 4)),
            }),
            split.Train.Count);
    }

    private static Dictionary<string, string> Options(TenantTrainingRequest request, Dictionary<string, string> method)
    {
        method["base_model"] = request.BaseModel;
        method["seed"] = Invariant(request.Seed);
        method["threads"] = Invariant(request.Threads);
        method["max_duration_s"] = Invariant(request.MaxDuration.TotalSeconds);
        if (request.Epochs is { } epochs)
        {
            method["epochs"] = Invariant(epochs);
        }

        return method;
    }

    private static TenantEvaluation Evaluation(ClassificationReport report) =>
        new(report.MacroF1, report.Count, report.PerLabel.ToDictionary(p => p.Key, p => p.Value.F1, StringComparer.Ordinal));

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    /// <param name="TrainedOn">Examples the served weights learnt from (the validation part too after a refit).</param>
    private sealed record Trained(AdapterArtifact Artifact, ClassificationReport HeldOut, ClassificationReport? Corrections, int Steps, Dictionary<string, string> Options, int TrainedOn);

    /// <summary>Hands values on at once, on the training thread (the relay then reports them in order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

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
        LowPriorityThread.Run<TenantTrainingResult, TenantTrainingProgress>("tenant-training", relay => Train(request, relay, cancellationToken), progress);

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
            split.Train.Count, split.Validation.Count, split.Test.Count, trained.Steps, clock.Elapsed, trained.Options);
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
            MaxDuration = TimeSpan.FromTicks(Math.Max(1, (request.MaxDuration - clock.Elapsed).Ticks)),
        };
        var tokenizer = TokenizerLoader.Load(request.BaseModelFolder);
        double? validationF1 = null;
        var plan = StepPlan.For(split.Train.Count, options);
        var steps = new SynchronousProgress<LoraStep>(s => progress.Report(new TenantTrainingProgress("train", s.Epoch, s.Step, s.TotalSteps, s.Loss, validationF1)));
        var scorings = new SynchronousProgress<TrainingProgress>(p => validationF1 = p.ValidationMacroF1);
        var result = new LoraTrainer(options).Train(encoder, tokenizer, split.Train, split.Validation, request.Labels, request.MultiLabel, new Random(request.Seed), scorings, steps, null, cancellationToken);
        using var model = result.Model;
        progress.Report(new TenantTrainingProgress("evaluate", 0, result.Steps, plan.TotalSteps, null, result.Validation.MacroF1));
        var maxLength = Math.Min(options.MaxLength, tokenizer.ModelMaxLength);
        ClassificationReport Score(IReadOnlyList<LabeledExample> examples) =>
            LoraTrainer.Score(model, request.Labels, request.MultiLabel, LoraTrainer.Tokenize(examples, request.Labels, tokenizer, maxLength), tokenizer.PadTokenId, options.BatchSize);
        var stopped = result.Steps == plan.TotalSteps ? "plan" : clock.Elapsed >= request.MaxDuration ? "time" : "early";
        return new Trained(
            TenantArtifactWriter.FromLora(model, request.Labels, request.MultiLabel, request.BaseModel),
            Score(split.Test),
            split.HeldOutCorrections.Count > 0 ? Score(split.HeldOutCorrections) : null,
            result.Steps,
            Options(request, new()
            {
                ["pooling"] = options.Pooling.ToString().ToLowerInvariant(),
                ["learning_rate"] = Invariant(options.LearningRateFor(split.Train.Count)),
                ["max_length"] = Invariant(maxLength),
                ["lora_r"] = Invariant(options.Rank),
                ["lora_alpha"] = Invariant(options.Alpha),
                ["batch_size"] = Invariant(options.BatchSize),
                ["planned_steps"] = Invariant(plan.TotalSteps),
                ["best_step"] = Invariant(result.BestStep),
                ["stopped_by"] = stopped,
                ["validation_macro_f1"] = Invariant(Math.Round(result.Validation.MacroF1, 4)),
            }));
    }

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
            }));
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

    private sealed record Trained(AdapterArtifact Artifact, ClassificationReport HeldOut, ClassificationReport? Corrections, int Steps, Dictionary<string, string> Options);

    /// <summary>Hands values on at once, on the training thread (the relay then reports them in order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

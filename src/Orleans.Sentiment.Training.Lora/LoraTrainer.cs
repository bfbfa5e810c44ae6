using System.Diagnostics;
using System.Globalization;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Data;
using Orleans.Sentiment.Training.Evaluation;
using Orleans.Sentiment.Training.Pretrained;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Orleans.Sentiment.Training.Lora;

/// <summary>
/// Fine-tunes a <see cref="LoraClassifier"/>: AdamW on the LoRA matrices and the head over a <see cref="StepPlan"/>
/// (linear warm-up then linear decay), gradient clipping at norm 1, length-bucketed batches, cross-entropy weighted
/// by 1/sqrt(label frequency) (sigmoid/BCE for multi-label data), scoring on the validation examples as the plan
/// says, keeping the best macro-F1 (the latest of equal ones) and stopping after <see cref="LoraOptions.Patience"/>
/// scorings without one at least as good, or at <see cref="LoraOptions.MaxDuration"/> (scored then, so the time
/// spent counts). A refit (<see cref="LoraOptions.FixedSteps"/>) runs the given steps and scores nothing.
/// </summary>
public sealed class LoraTrainer(LoraOptions options)
{
    public sealed record Result(
        LoraClassifier Model,
        IReadOnlyList<string> Labels,
        bool MultiLabel,
        int BestEpoch,
        ClassificationReport Validation,
        IReadOnlyList<TrainingProgress> History,
        int TrainingExamples,
        int ValidationExamples,
        StepPlan Plan,
        int Steps,
        int BestStep);

    public Result Train(
        PretrainedEncoder encoder,
        ITextTokenizer tokenizer,
        IReadOnlyList<LabeledExample> training,
        IReadOnlyList<LabeledExample>? validation,
        IProgress<TrainingProgress>? epochs = null,
        IProgress<LoraStep>? steps = null,
        IProgress<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var random = new Random(options.Seed);
        var data = PretrainedTrainingData.Prepare(training, validation, options.ValidationFraction, options.MaxExamples, options.Seed, random);
        validation = data.Validation;
        if (validation.Count > options.MaxValidationExamples)
        {
            validation = StratifiedSplitter.Split(validation, (double)options.MaxValidationExamples / validation.Count, options.Seed).HeldOut;
        }

        return Train(encoder, tokenizer, data.Training, validation, data.Labels, data.MultiLabel, random, epochs, steps, log, cancellationToken);
    }

    /// <summary>Trains on split data with a given label order (the model's ids); <paramref name="random"/> shuffles the batches.</summary>
    public Result Train(
        PretrainedEncoder encoder,
        ITextTokenizer tokenizer,
        IReadOnlyList<LabeledExample> training,
        IReadOnlyList<LabeledExample> validation,
        IReadOnlyList<string> labels,
        bool multiLabel,
        Random random,
        IProgress<TrainingProgress>? epochs = null,
        IProgress<LoraStep>? steps = null,
        IProgress<string>? log = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        TorchRuntime.Configure(options.Threads, options.Seed);
        var trainSet = Tokenize(training, labels, tokenizer);
        var validationSet = Tokenize(validation, labels, tokenizer);
        var targets = LoraTargets.Resolve(encoder.Shape, options.TargetModules ?? LoraTargets.DefaultTargets(encoder.Shape.Family));
        var model = new LoraClassifier(encoder.Shape, encoder.Weights, labels.Count, options, targets);
        log?.Report(string.Create(CultureInfo.InvariantCulture,
            $"trainable params: {model.TrainableParameterCount:N0} || all params: {model.TotalParameterCount:N0} || trainable%: {100.0 * model.TrainableParameterCount / model.TotalParameterCount:0.0000}"));

        var parameters = model.TrainableParameters.ToList();
        using var optimizer = optim.AdamW(parameters, options.LearningRateFor(trainSet.Length), 0.9, 0.999, 1e-8, options.WeightDecay);
        var plan = StepPlan.For(trainSet.Length, options);
        var labelWeights = options.BalanceLabels && !multiLabel ? LabelWeights(trainSet, labels.Count) : null;
        var scheduler = optim.lr_scheduler.LambdaLR(optimizer, plan.LearningRateFactor, -1, false);
        log?.Report($"planned {plan.TotalSteps} steps ({plan.StepsPerEpoch} per epoch), validation every {plan.EvaluationInterval}");

        var history = new List<TrainingProgress>();
        Dictionary<string, Tensor>? best = null;
        ClassificationReport? bestReport = null;
        int bestEpoch = 0, bestStep = 0, step = 0, epoch = 0, stale = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            var stop = false;
            while (!stop && step < plan.TotalSteps)
            {
                epoch++;
                double lossSum = 0;
                var lossSteps = 0;
                foreach (var batch in LengthBuckets.Batches(trainSet, options.BatchSize, random))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using (var scope = NewDisposeScope())
                    {
                        var (ids, mask) = Inputs(batch, tokenizer.PadTokenId);
                        var logits = model.Forward(ids, mask, training: true);
                        var loss = Loss(logits, batch, multiLabel, labelWeights);
                        loss.backward();
                        nn.utils.clip_grad_norm_(parameters, 1.0);
                        optimizer.step();
                        optimizer.zero_grad();
                        scheduler.step();
                        lossSum += loss.item<float>();
                    }

                    step++;
                    lossSteps++;
                    steps?.Report(new LoraStep(epoch, step, plan.TotalSteps, lossSum / lossSteps, clock.Elapsed));
                    var timeUp = clock.Elapsed >= options.MaxDuration;
                    if (options.FixedSteps is { } fixedSteps)
                    {
                        stop = timeUp || step >= fixedSteps;
                    }
                    else if (plan.EvaluatesAfter(step) || timeUp)
                    {
                        var report = Score(model, labels, multiLabel, validationSet, tokenizer.PadTokenId, options.BatchSize);
                        // A tie counts as better: the later checkpoint has trained longer at a lower rate, and on a
                        // validation part of a few examples per label ties are common and the early ones stop too soon.
                        var improved = bestReport is null || report.MacroF1 >= bestReport.MacroF1;
                        if (improved)
                        {
                            DisposeAll(best);
                            best = model.SnapshotTrainable();
                            (bestReport, bestEpoch, bestStep, stale) = (report, epoch, step, 0);
                        }

                        var progress = new TrainingProgress(epoch, plan.Epochs, lossSum / lossSteps, report.Accuracy, report.MacroF1, improved);
                        history.Add(progress);
                        epochs?.Report(progress);
                        (lossSum, lossSteps) = (0, 0);
                        stop = timeUp || (!improved && ++stale >= options.Patience);
                    }

                    if (stop || step == plan.TotalSteps)
                    {
                        break;
                    }
                }
            }

            if (options.FixedSteps is null)
            {
                model.Restore(best!);
            }
            else
            {
                (bestReport, bestEpoch, bestStep) = (ClassificationReport.Compute(labels, [], []), epoch, step);
            }
        }
        catch
        {
            model.Dispose();
            throw;
        }
        finally
        {
            DisposeAll(best);
        }

        return new Result(model, labels, multiLabel, bestEpoch, bestReport!, history, trainSet.Length, validationSet.Length, plan, step, bestStep);
    }

    /// <summary>Logits of every example (eval mode, no dropout), in input order.</summary>
    internal static float[][] Logits(LoraClassifier model, IReadOnlyList<TokenizedExample> examples, int padId, int batchSize, bool merged = false)
    {
        var result = new float[examples.Count][];
        var position = examples.Select((e, i) => (e.Index, i)).ToDictionary(p => p.Index, p => p.i);
        using var _ = no_grad();
        foreach (var batch in LengthBuckets.Sorted(examples, batchSize))
        {
            using var scope = NewDisposeScope();
            var (ids, mask) = Inputs(batch, padId);
            var logits = model.Forward(ids, mask, training: false, merged).to_type(ScalarType.Float32).contiguous();
            var data = logits.data<float>().ToArray();
            for (var row = 0; row < batch.Length; row++)
            {
                result[position[batch[row].Index]] = data[(row * model.Labels)..((row + 1) * model.Labels)];
            }
        }

        return result;
    }

    internal static TokenizedExample[] Tokenize(IReadOnlyList<LabeledExample> examples, IReadOnlyList<string> labels, ITextTokenizer tokenizer, int maxLength)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        return [.. examples.Select((e, i) =>
        {
            var target = new float[labels.Count];
            foreach (var label in e.Labels)
            {
                if (index.TryGetValue(label, out var at))
                {
                    target[at] = 1;
                }
            }

            return new TokenizedExample(tokenizer.Encode(e.Text, maxLength), target, i);
        })];
    }

    internal static (Tensor Ids, Tensor Mask) Inputs(IReadOnlyList<TokenizedExample> batch, int padId)
    {
        var padded = Inference.PaddedBatch.Create([.. batch.Select(e => e.Ids)], padId);
        long[] shape = [batch.Count, padded.SequenceLength];
        return (torch.tensor(padded.InputIds, shape, ScalarType.Int64), torch.tensor(padded.AttentionMask, shape, ScalarType.Int64));
    }

    internal static ClassificationReport Score(LoraClassifier model, IReadOnlyList<string> labels, bool multiLabel, IReadOnlyList<TokenizedExample> examples, int padId, int batchSize)
    {
        var logits = Logits(model, examples, padId, batchSize);
        var truth = examples.Select(e => (IReadOnlyList<string>)[.. labels.Where((_, c) => e.Target[c] > 0)]).ToArray();
        var predicted = logits.Select(l => Predict(l, labels, multiLabel)).ToArray();
        return ClassificationReport.Compute(labels, truth, predicted);
    }

    private TokenizedExample[] Tokenize(IReadOnlyList<LabeledExample> examples, IReadOnlyList<string> labels, ITextTokenizer tokenizer) =>
        Tokenize(examples, labels, tokenizer, Math.Min(options.MaxLength, tokenizer.ModelMaxLength));

    private static IReadOnlyList<string> Predict(float[] logits, IReadOnlyList<string> labels, bool multiLabel)
    {
        if (multiLabel)
        {
            return [.. labels.Where((_, c) => logits[c] >= 0)];
        }

        var best = 0;
        for (var c = 1; c < logits.Length; c++)
        {
            if (logits[c] > logits[best])
            {
                best = c;
            }
        }

        return [labels[best]];
    }

    /// <summary>1/sqrt(label frequency) per label, so rare labels weigh more in the loss (macro-F1 counts every label alike).</summary>
    private static float[] LabelWeights(IReadOnlyList<TokenizedExample> examples, int labels)
    {
        var counts = new int[labels];
        foreach (var example in examples)
        {
            counts[Array.IndexOf(example.Target, 1f)]++;
        }

        return [.. counts.Select(c => c == 0 ? 0f : (float)(1 / Math.Sqrt(c)))];
    }

    private static Tensor Loss(Tensor logits, IReadOnlyList<TokenizedExample> batch, bool multiLabel, float[]? labelWeights)
    {
        var width = batch[0].Target.Length;
        if (multiLabel)
        {
            var targets = torch.tensor(batch.SelectMany(e => e.Target).ToArray(), [batch.Count, width], logits.dtype);
            return F.binary_cross_entropy_with_logits(logits, targets);
        }

        var classes = torch.tensor(batch.Select(e => (long)Array.IndexOf(e.Target, 1f)).ToArray(), [batch.Count], ScalarType.Int64);
        return labelWeights is null
            ? F.cross_entropy(logits, classes)
            : F.cross_entropy(logits, classes, torch.tensor(labelWeights, ScalarType.Float32).to_type(logits.dtype));
    }

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        foreach (var tensor in tensors?.Values.AsEnumerable() ?? [])
        {
            tensor.Dispose();
        }
    }
}

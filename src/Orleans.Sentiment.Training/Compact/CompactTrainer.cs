using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Training.Data;
using Orleans.Sentiment.Training.Evaluation;

namespace Orleans.Sentiment.Training.Compact;

/// <summary>
/// Trains a fastText-style classifier: the mean of token and hashed-bigram embeddings feeds a linear layer;
/// softmax + cross-entropy for single-label data, sigmoid + binary cross-entropy for multi-label data. Plain SGD
/// with a linearly decaying rate on one thread, so a seed fixes the result; early stopping keeps the epoch with
/// the best validation macro-F1.
/// </summary>
public sealed class CompactTrainer(CompactOptions options)
{
    public TrainingResult Train(
        IReadOnlyList<LabeledExample> examples,
        IReadOnlyList<LabeledExample>? validation = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (examples.Count == 0)
        {
            throw new ArgumentException("There are no training examples.", nameof(examples));
        }

        var training = examples;
        if (validation is null || validation.Count == 0)
        {
            (training, validation) = StratifiedSplitter.Split(examples, options.ValidationFraction, options.Seed);
        }

        var labels = training.SelectMany(e => e.Labels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException($"Training needs at least two labels; the data has {labels.Length}.", nameof(examples));
        }

        var problemType = training.Any(e => e.Labels.Count > 1) ? ProblemType.MultiLabel : ProblemType.SingleLabel;
        var vocabulary = VocabularyBuilder.Build(training.Select(e => e.Text), options);
        var model = new CompactModel(vocabulary, labels, problemType, options.Dimensions, options.BigramBuckets);
        var tokenizer = CompactTokenizer.Create(vocabulary, options.MaxSequenceLength);
        var trainSet = Encode(training, model, tokenizer);
        var validationSet = Encode(validation, model, tokenizer);
        if (options.BalanceLabels && problemType == ProblemType.SingleLabel)
        {
            BalanceWeights(trainSet);
        }

        var random = new Random(options.Seed);
        var bound = 1f / options.Dimensions;
        for (var i = 0; i < model.Embeddings.Length; i++)
        {
            model.Embeddings[i] = ((float)random.NextDouble() * 2 - 1) * bound;
        }

        var (learningRate, epochs, patience) = options.Schedule(trainSet.Length);
        var order = Enumerable.Range(0, trainSet.Length).ToArray();
        var totalSteps = (long)epochs * trainSet.Length;
        var step = 0L;
        var history = new List<TrainingProgress>();
        CompactModel? best = null;
        ClassificationReport? bestReport = null;
        var bestEpoch = 0;
        var buffers = new StepBuffers(model);
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            var lossSum = 0.0;
            foreach (var index in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rate = learningRate * (1f - ((float)step++ / totalSteps));
                lossSum += Step(model, trainSet[index], rate, buffers);
            }

            var report = Score(model, validationSet);
            var improved = bestReport is null || report.MacroF1 > bestReport.MacroF1;
            if (improved)
            {
                best = model.Clone();
                bestReport = report;
                bestEpoch = epoch;
            }

            var entry = new TrainingProgress(epoch, epochs, lossSum / trainSet.Length, report.Accuracy, report.MacroF1, improved);
            history.Add(entry);
            progress?.Report(entry);
            if (epoch - bestEpoch >= patience)
            {
                break;
            }
        }

        return new TrainingResult(best!, bestEpoch, bestReport!, history, trainSet.Length, validationSet.Length);
    }

    /// <summary>Predicted labels for encoded texts: the arg-max, or every label with probability ≥ 0.5 when multi-label.</summary>
    internal static IReadOnlyList<string> Predict(CompactModel model, float[] logits)
    {
        if (model.ProblemType == ProblemType.MultiLabel)
        {
            return model.Labels.Where((_, c) => logits[c] >= 0).ToArray();
        }

        var bestIndex = 0;
        for (var c = 1; c < logits.Length; c++)
        {
            if (logits[c] > logits[bestIndex])
            {
                bestIndex = c;
            }
        }

        return [model.Labels[bestIndex]];
    }

    private static EncodedExample[] Encode(IReadOnlyList<LabeledExample> examples, CompactModel model, ITextTokenizer tokenizer)
    {
        var labelIndex = model.Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var encoded = new EncodedExample[examples.Count];
        Parallel.For(0, examples.Count, i =>
        {
            var ids = tokenizer.Encode(examples[i].Text, tokenizer.ModelMaxLength);
            var target = new float[model.Labels.Count];
            foreach (var label in examples[i].Labels)
            {
                if (labelIndex.TryGetValue(label, out var c))
                {
                    target[c] = 1f;
                }
            }

            encoded[i] = new EncodedExample(FeatureHashing.Rows(ids, model.Vocabulary.Count, model.BigramBuckets), target, examples[i].Labels);
        });
        return encoded;
    }

    /// <summary>Weights ∝ 1/√frequency, scaled so the mean weight over the examples stays 1 (the learning rate keeps its meaning).</summary>
    private static void BalanceWeights(EncodedExample[] examples)
    {
        var counts = examples.GroupBy(e => e.Labels[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var raw = counts.ToDictionary(p => p.Key, p => 1.0 / Math.Sqrt(p.Value), StringComparer.Ordinal);
        var mean = examples.Average(e => raw[e.Labels[0]]);
        foreach (var example in examples)
        {
            example.Weight = (float)(raw[example.Labels[0]] / mean);
        }
    }

    private static ClassificationReport Score(CompactModel model, EncodedExample[] examples)
    {
        var predicted = new IReadOnlyList<string>[examples.Length];
        Parallel.For(0, examples.Length, () => new StepBuffers(model), (i, _, buffers) =>
        {
            model.Hidden(examples[i].Rows, buffers.Hidden);
            model.Logits(buffers.Hidden, buffers.Logits);
            predicted[i] = Predict(model, buffers.Logits);
            return buffers;
        }, _ => { });
        return ClassificationReport.Compute(model.Labels, examples.Select(e => e.Labels).ToArray(), predicted);
    }

    /// <summary>One SGD step on one example; returns its loss.</summary>
    private static double Step(CompactModel model, EncodedExample example, float rate, StepBuffers buffers)
    {
        var dimensions = model.Dimensions;
        var hidden = buffers.Hidden;
        var logits = buffers.Logits;
        model.Hidden(example.Rows, hidden);
        model.Logits(hidden, logits);

        var loss = model.ProblemType == ProblemType.MultiLabel
            ? SigmoidGradient(logits, example.Target)
            : SoftmaxGradient(logits, example.Target);
        rate *= example.Weight;

        // logits now hold dLoss/dLogit; push it back to the hidden vector before the output layer moves.
        var hiddenGradient = buffers.HiddenGradient;
        Array.Clear(hiddenGradient);
        for (var c = 0; c < logits.Length; c++)
        {
            var g = logits[c] * rate;
            var weights = model.OutputWeights.AsSpan(c * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                hiddenGradient[d] += g * weights[d];
                weights[d] -= g * hidden[d];
            }

            model.OutputBias[c] -= g;
        }

        var share = 1f / example.Rows.Length;
        foreach (var row in example.Rows)
        {
            var vector = model.Embeddings.AsSpan(row * dimensions, dimensions);
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] -= hiddenGradient[d] * share;
            }
        }

        return loss * example.Weight;
    }

    private static double SoftmaxGradient(Span<float> logits, float[] target)
    {
        var max = float.NegativeInfinity;
        foreach (var z in logits)
        {
            max = Math.Max(max, z);
        }

        var sum = 0f;
        for (var c = 0; c < logits.Length; c++)
        {
            logits[c] = MathF.Exp(logits[c] - max);
            sum += logits[c];
        }

        var loss = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            var p = logits[c] / sum;
            if (target[c] > 0)
            {
                loss -= Math.Log(Math.Max(p, 1e-12));
            }

            logits[c] = p - target[c];
        }

        return loss;
    }

    private static double SigmoidGradient(Span<float> logits, float[] target)
    {
        var loss = 0.0;
        for (var c = 0; c < logits.Length; c++)
        {
            var p = 1f / (1f + MathF.Exp(-logits[c]));
            loss -= target[c] > 0 ? Math.Log(Math.Max(p, 1e-12)) : Math.Log(Math.Max(1 - p, 1e-12));
            logits[c] = p - target[c];
        }

        return loss;
    }

    private sealed class StepBuffers(CompactModel model)
    {
        public float[] Hidden { get; } = new float[model.Dimensions];

        public float[] HiddenGradient { get; } = new float[model.Dimensions];

        public float[] Logits { get; } = new float[model.Labels.Count];
    }
}

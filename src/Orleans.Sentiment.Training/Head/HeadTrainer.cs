using Orleans.Sentiment.Training.Compact;
using Orleans.Sentiment.Training.Evaluation;

namespace Orleans.Sentiment.Training.Head;

/// <summary>Trains a <see cref="HeadClassifier"/> on precomputed embeddings, keeping the epoch with the best validation macro-F1.</summary>
public sealed class HeadTrainer(HeadOptions options)
{
    public sealed record Result(HeadClassifier Head, int BestEpoch, ClassificationReport Validation, IReadOnlyList<TrainingProgress> History);

    public Result Train(
        IReadOnlyList<string> labels,
        bool multiLabel,
        IReadOnlyList<(float[] Embedding, IReadOnlyList<string> Labels)> training,
        IReadOnlyList<(float[] Embedding, IReadOnlyList<string> Labels)> validation,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var dimensions = training[0].Embedding.Length;
        var (mean, scale) = Moments(training.Select(t => t.Embedding).ToList(), dimensions);
        var head = new HeadClassifier(dimensions, options.HiddenSize, labels.Count, multiLabel, mean, scale, options.Seed);
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var weights = ExampleWeights(training, multiLabel);
        var examples = training.Select((t, n) =>
        {
            var target = new float[labels.Count];
            foreach (var label in t.Labels)
            {
                target[index[label]] = multiLabel ? 1 : 1f / t.Labels.Count;
            }

            return (t.Embedding, target, weights[n]);
        }).ToArray();

        var random = new Random(options.Seed);
        var history = new List<TrainingProgress>();
        HeadClassifier? best = null;
        ClassificationReport? bestReport = null;
        var bestEpoch = 0;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            random.Shuffle(examples);
            double loss = 0;
            var batches = 0;
            for (var start = 0; start < examples.Length; start += options.BatchSize)
            {
                loss += head.Step(examples[start..Math.Min(examples.Length, start + options.BatchSize)], options.LearningRate, options.WeightDecay);
                batches++;
            }

            var report = Score(head, labels, validation);
            var improved = bestReport is null || report.MacroF1 > bestReport.MacroF1;
            if (improved)
            {
                best = head.Clone();
                bestReport = report;
                bestEpoch = epoch;
            }

            var step = new TrainingProgress(epoch, options.Epochs, loss / batches, report.Accuracy, report.MacroF1, improved);
            history.Add(step);
            progress?.Report(step);
            if (epoch - bestEpoch >= options.Patience)
            {
                break;
            }
        }

        return new Result(best!, bestEpoch, bestReport!, history);
    }

    public static ClassificationReport Score(HeadClassifier head, IReadOnlyList<string> labels, IReadOnlyList<(float[] Embedding, IReadOnlyList<string> Labels)> examples)
    {
        var predicted = examples.Select(e => Predict(head, labels, head.Logits(e.Embedding))).ToArray();
        return ClassificationReport.Compute(labels, [.. examples.Select(e => e.Labels)], predicted);
    }

    private static IReadOnlyList<string> Predict(HeadClassifier head, IReadOnlyList<string> labels, float[] logits)
    {
        if (head.MultiLabel)
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

    private float[] ExampleWeights(IReadOnlyList<(float[] Embedding, IReadOnlyList<string> Labels)> training, bool multiLabel)
    {
        var weights = Enumerable.Repeat(1f, training.Count).ToArray();
        if (!options.BalanceLabels || multiLabel)
        {
            return weights;
        }

        // 1/sqrt(frequency), scaled so the mean weight is 1 (as the compact engine does).
        var counts = training.GroupBy(t => t.Labels[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(1 / Math.Sqrt(counts[training[i].Labels[0]]));
        }

        var mean = weights.Average();
        return [.. weights.Select(w => w / mean)];
    }

    private static (float[] Mean, float[] Scale) Moments(IReadOnlyList<float[]> embeddings, int dimensions)
    {
        var mean = new double[dimensions];
        var square = new double[dimensions];
        foreach (var e in embeddings)
        {
            for (var i = 0; i < dimensions; i++)
            {
                mean[i] += e[i];
                square[i] += (double)e[i] * e[i];
            }
        }

        var n = embeddings.Count;
        var m = mean.Select(v => (float)(v / n)).ToArray();
        var s = square.Select((v, i) => (float)Math.Sqrt(Math.Max((v / n) - ((double)m[i] * m[i]), 0) + 1e-6)).ToArray();
        return (m, s);
    }
}

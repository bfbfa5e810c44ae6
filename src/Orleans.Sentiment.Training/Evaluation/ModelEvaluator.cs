using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Training.Evaluation;

/// <summary>Runs a classifier over labelled examples and scores it; labels are compared as exact strings.</summary>
public static class ModelEvaluator
{
    private const int ChunkSize = 256;

    /// <param name="multiLabel">Predict every label with probability ≥ 0.5 instead of the single best one.</param>
    /// <param name="progress">Receives the number of examples classified so far.</param>
    public static ModelEvaluation Evaluate(ITextClassifier classifier, IReadOnlyList<LabeledExample> examples, bool multiLabel, IProgress<int>? progress = null)
    {
        var predicted = new IReadOnlyList<string>[examples.Count];
        var scores = new float[examples.Count];
        for (var start = 0; start < examples.Count; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize, examples.Count - start);
            var predictions = classifier.Classify(examples.Skip(start).Take(count).Select(e => e.Text).ToArray());
            for (var i = 0; i < count; i++)
            {
                var prediction = predictions[i];
                predicted[start + i] = multiLabel
                    ? prediction.Scores.Where(s => s.Value >= 0.5f).Select(s => s.Key).ToArray()
                    : [prediction.Label];
                scores[start + i] = prediction.Score;
            }

            progress?.Report(start + count);
        }

        var report = ClassificationReport.Compute(classifier.Labels, examples.Select(e => e.Labels).ToArray(), predicted);
        var misclassified = new List<Misclassification>();
        for (var i = 0; i < examples.Count; i++)
        {
            if (!examples[i].Labels.ToHashSet(StringComparer.Ordinal).SetEquals(predicted[i]))
            {
                misclassified.Add(new Misclassification(examples[i].Text, examples[i].Labels, predicted[i], scores[i]));
            }
        }

        return new ModelEvaluation(report, misclassified);
    }
}

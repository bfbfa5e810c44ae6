using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Training.Evaluation;

/// <summary>
/// Scores of predicted labels against true labels. For single-label data <see cref="Confusion"/> counts
/// <c>confusion[true][predicted]</c>; for multi-label data accuracy is the exact-set match rate and the
/// confusion matrix is empty.
/// </summary>
public sealed record ClassificationReport(
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("macro_f1")] double MacroF1,
    [property: JsonPropertyName("labels")] IReadOnlyList<string> Labels,
    [property: JsonPropertyName("per_label")] IReadOnlyDictionary<string, LabelScores> PerLabel,
    [property: JsonPropertyName("confusion")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion)
{
    /// <param name="knownLabels">Labels to list first (the model's), in order; labels only seen in the data follow.</param>
    /// <param name="truth">True labels per example.</param>
    /// <param name="predicted">Predicted labels per example (one for single-label models).</param>
    public static ClassificationReport Compute(IReadOnlyList<string> knownLabels, IReadOnlyList<IReadOnlyList<string>> truth, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        if (truth.Count != predicted.Count)
        {
            throw new ArgumentException("Every example needs one prediction.", nameof(predicted));
        }

        var labels = knownLabels
            .Concat(truth.SelectMany(t => t).Concat(predicted.SelectMany(p => p)).Where(l => !knownLabels.Contains(l)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            .ToList();
        var index = labels.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i, StringComparer.Ordinal);
        var truePositives = new int[labels.Count];
        var falsePositives = new int[labels.Count];
        var falseNegatives = new int[labels.Count];
        var multiLabel = truth.Any(t => t.Count != 1) || predicted.Any(p => p.Count != 1);
        var confusion = new int[labels.Count, labels.Count];
        var correct = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var gold = truth[i].Select(l => index[l]).ToHashSet();
            var guess = predicted[i].Select(l => index[l]).ToHashSet();
            if (gold.SetEquals(guess))
            {
                correct++;
            }

            foreach (var label in guess)
            {
                (gold.Contains(label) ? truePositives : falsePositives)[label]++;
            }

            foreach (var label in gold.Where(l => !guess.Contains(l)))
            {
                falseNegatives[label]++;
            }

            if (!multiLabel)
            {
                confusion[gold.Single(), guess.Single()]++;
            }
        }

        var perLabel = new Dictionary<string, LabelScores>(StringComparer.Ordinal);
        for (var l = 0; l < labels.Count; l++)
        {
            var precision = Ratio(truePositives[l], truePositives[l] + falsePositives[l]);
            var recall = Ratio(truePositives[l], truePositives[l] + falseNegatives[l]);
            var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            perLabel[labels[l]] = new LabelScores(precision, recall, f1, truePositives[l] + falseNegatives[l]);
        }

        // Macro average over the labels that occur in the truth or the predictions, as scikit-learn does.
        var scored = labels.Where((_, l) => truePositives[l] + falsePositives[l] + falseNegatives[l] > 0).ToList();
        var macroF1 = scored.Count == 0 ? 0 : scored.Average(l => perLabel[l].F1);
        var matrix = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        if (!multiLabel)
        {
            for (var t = 0; t < labels.Count; t++)
            {
                matrix[labels[t]] = labels.Select((label, p) => (label, p)).ToDictionary(x => x.label, x => confusion[t, x.p], StringComparer.Ordinal);
            }
        }

        return new ClassificationReport(truth.Count, Ratio(correct, truth.Count), macroF1, labels, perLabel, matrix);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}

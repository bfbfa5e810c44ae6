namespace Orleans.Sentiment.Training.Tenant;

/// <summary>Refuses data that cannot train, naming the field: label set, empty texts, unknown labels, too few examples per label.</summary>
internal static class TenantDataValidator
{
    public const int MinLabels = 2;
    public const int MaxLabels = 50;

    public static void Validate(TenantTrainingRequest request, int minExamplesPerLabel)
    {
        var labels = request.Labels;
        Require(labels.Count is >= MinLabels and <= MaxLabels, $"Labels: a model needs {MinLabels} to {MaxLabels} labels; the request has {labels.Count}.");
        Require(labels.All(l => !string.IsNullOrWhiteSpace(l)), "Labels: a label is empty.");
        var duplicate = labels.GroupBy(l => l, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Require(duplicate is null, $"Labels: '{duplicate?.Key}' appears more than once.");
        Check(request.Examples, nameof(request.Examples), labels, request.MultiLabel);
        Check(request.Corrections, nameof(request.Corrections), labels, request.MultiLabel);

        // Only examples count: corrections are partly held out and need not cover every label.
        var counts = request.Examples.GroupBy(e => e.Labels[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var thin = labels.Select(l => (Label: l, Count: counts.GetValueOrDefault(l))).Where(p => p.Count < minExamplesPerLabel).ToList();
        Require(thin.Count == 0, $"Examples: training needs at least {minExamplesPerLabel} examples per label (the first label of each example counts); " +
            string.Join(", ", thin.Select(p => $"'{p.Label}' has {p.Count}")) + ".");
    }

    private static void Check(IReadOnlyList<TenantExample> examples, string field, IReadOnlyList<string> labels, bool multiLabel)
    {
        for (var i = 0; i < examples.Count; i++)
        {
            var example = examples[i];
            Require(!string.IsNullOrWhiteSpace(example.Text), $"{field}[{i}].Text is empty.");
            Require(example.Labels is { Count: > 0 }, $"{field}[{i}].Labels is empty.");
            Require(multiLabel || example.Labels.Count == 1, $"{field}[{i}].Labels has {example.Labels.Count} labels; a single-label model takes one.");
            var unknown = example.Labels.FirstOrDefault(l => !labels.Contains(l, StringComparer.Ordinal));
            Require(unknown is null, $"{field}[{i}].Labels: '{unknown}' is not one of the model's labels ({string.Join(", ", labels)}).");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new TenantTrainingDataException(message);
        }
    }
}

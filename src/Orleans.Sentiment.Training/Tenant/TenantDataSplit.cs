namespace Orleans.Sentiment.Training.Tenant;

/// <summary>
/// A tenant's examples checked and split three ways, per label (the first label of multi-label examples) with a
/// seeded shuffle: a test part the activation gate scores and training never sees (a fifth, at least
/// <see cref="MinTestPerLabel"/>), a validation part for early stopping (a tenth, at least one) and the rest for
/// training. A quarter of the corrections (none below <see cref="MinCorrectionsToHoldOut"/>) is held out and scored
/// on its own; the others train.
/// </summary>
public sealed record TenantDataSplit(
    IReadOnlyList<LabeledExample> Train,
    IReadOnlyList<LabeledExample> Validation,
    IReadOnlyList<LabeledExample> Test,
    IReadOnlyList<LabeledExample> HeldOutCorrections)
{
    /// <summary>Fewest examples per label: two to test, one to validate, five to train.</summary>
    public const int MinExamplesPerLabel = 8;

    public const int MinTestPerLabel = 2;

    public const int MinCorrectionsToHoldOut = 4;

    public const double TestFraction = 0.2;

    public const double ValidationFraction = 0.1;

    public const double CorrectionsHeldOutFraction = 0.25;

    /// <exception cref="TenantTrainingDataException">The request's data cannot train a model.</exception>
    public static TenantDataSplit Create(TenantTrainingRequest request)
    {
        TenantDataValidator.Validate(request, MinExamplesPerLabel);
        var random = new Random(request.Seed);
        var examples = request.Examples.Select(ToLabeled).ToList();
        List<LabeledExample> train = [], validation = [], test = [];
        foreach (var group in ByFirstLabel(examples, request.Labels))
        {
            random.Shuffle(group);
            var testCount = Math.Max(MinTestPerLabel, (int)Math.Round(group.Length * TestFraction, MidpointRounding.AwayFromZero));
            var validationCount = Math.Max(1, (int)Math.Round(group.Length * ValidationFraction, MidpointRounding.AwayFromZero));
            test.AddRange(group[..testCount]);
            validation.AddRange(group[testCount..(testCount + validationCount)]);
            train.AddRange(group[(testCount + validationCount)..]);
        }

        var corrections = request.Corrections.Select(ToLabeled).ToArray();
        random.Shuffle(corrections);
        var heldOut = corrections.Length < MinCorrectionsToHoldOut ? 0 : (int)Math.Round(corrections.Length * CorrectionsHeldOutFraction, MidpointRounding.AwayFromZero);
        train.AddRange(corrections[heldOut..]);
        return new TenantDataSplit(train, validation, test, corrections[..heldOut]);
    }

    private static LabeledExample ToLabeled(TenantExample example) => new(example.Text, example.Labels);

    private static IEnumerable<LabeledExample[]> ByFirstLabel(IReadOnlyList<LabeledExample> examples, IReadOnlyList<string> labels)
    {
        var groups = examples.GroupBy(e => e.Labels[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        // In the model's label order, so the same request always draws the same split.
        return labels.Where(groups.ContainsKey).Select(l => groups[l]);
    }
}

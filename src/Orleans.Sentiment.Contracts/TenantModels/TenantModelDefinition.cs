namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>What a tenant defines for a model: its labels (in id order), whether a text may carry several, and the base encoder it adapts.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.TenantModelDefinition")]
public sealed record TenantModelDefinition(
    [property: Id(0)] IReadOnlyList<string> Labels,
    [property: Id(1)] bool MultiLabel,
    [property: Id(2)] string BaseModel)
{
    public const string DefaultBaseModel = "builtin:minilm";
    public const int MinLabels = 2;
    public const int MaxLabels = 50;
    public const int MaxLabelLength = 100;

    /// <summary>Separates the labels of a multi-label example in one CSV field, as <c>client train</c> reads them.</summary>
    public const char LabelSeparator = '|';

    /// <summary>Problems with the labels, keyed by field name; empty when valid. The base is checked where model references are known.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (Labels is null || Labels.Count is < MinLabels or > MaxLabels)
        {
            errors["labels"] = $"must hold {MinLabels} to {MaxLabels} labels";
            return errors;
        }

        for (var i = 0; i < Labels.Count; i++)
        {
            if (LabelProblem(Labels[i]) is { } problem)
            {
                errors[$"labels[{i}]"] = problem;
            }
        }

        var duplicate = Labels.GroupBy(l => l?.Trim(), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null && errors.Count == 0)
        {
            errors["labels"] = $"'{duplicate.Key}' appears more than once (labels are compared ignoring case)";
        }

        return errors;
    }

    /// <summary>The label as defined (its defined spelling), or null when the model has no such label; compared ignoring case.</summary>
    public string? FindLabel(string? label) =>
        label is null ? null : Labels.FirstOrDefault(l => string.Equals(l, label.Trim(), StringComparison.OrdinalIgnoreCase));

    private static string? LabelProblem(string? label) => label switch
    {
        null => "must be a string",
        _ when string.IsNullOrWhiteSpace(label) => "must not be blank",
        _ when label.Length > MaxLabelLength => $"must be at most {MaxLabelLength} characters",
        _ when label != label.Trim() => "must not start or end with whitespace",
        _ when label.Any(char.IsControl) || label.Contains(LabelSeparator) => $"must be one line without '{LabelSeparator}'",
        _ => null,
    };
}

using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Grains.Classification;

/// <summary>
/// The models one classify call names, checked: the silo's configured models by name and the calling tenant's own
/// models as "tenant:model". A name of another tenant's model, or of no configured model, is refused with an
/// <see cref="ArgumentException"/> naming it.
/// </summary>
internal static class ModelNames
{
    public const char TenantSeparator = ':';

    /// <summary>The configured models' positions and the tenant models' qualified names, each once.</summary>
    public static (IReadOnlyList<int> Configured, IReadOnlyList<string> TenantModels) Split(string tenant, IReadOnlyList<string> models, ClassifierSet configured)
    {
        if (models.Count == 0)
        {
            throw new ArgumentException("Name at least one model to run.", nameof(models));
        }

        var indexes = new List<int>();
        var tenantModels = new List<string>();
        foreach (var name in models.Distinct(StringComparer.Ordinal))
        {
            var separator = name.IndexOf(TenantSeparator, StringComparison.Ordinal);
            if (separator < 0)
            {
                var index = configured.IndexOf(name);
                indexes.Add(index >= 0 ? index : throw new ArgumentException(
                    $"Model '{name}' is not served here: the configured models are {string.Join(", ", configured.Classifiers.Select(c => c.Name))}, and tenant models are named 'tenant:model'.", nameof(models)));
            }
            else if (separator == 0 || separator == name.Length - 1 || !string.Equals(name[..separator], tenant, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Model '{name}' is not a model of tenant '{tenant}': a tenant model is named '{tenant}:model'.", nameof(models));
            }
            else
            {
                tenantModels.Add(name);
            }
        }

        return (indexes, tenantModels);
    }
}

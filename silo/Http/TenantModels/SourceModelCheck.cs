using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Contracts.TenantModels;

namespace Orleans.Sentiment.Silo.Http.TenantModels;

/// <summary>
/// The models a source's policy names: a configured model's name (an id), or a model of the source's own tenant as
/// "tenant:model" that is defined. Another tenant's model is refused, so a tenant's model never sees another's comments.
/// </summary>
internal static class SourceModelCheck
{
    /// <summary>The problem with the list, or null when every name may serve the source.</summary>
    public static async Task<string?> ProblemAsync(IReadOnlyList<string>? models, string tenant, IClusterClient cluster)
    {
        foreach (var name in models ?? [])
        {
            if (TenantModelKey.TryParseQualified(name, out var key))
            {
                if (key.Tenant != tenant)
                {
                    return $"'{name}' is another tenant's model; a source runs only the configured models and its own tenant's ({tenant}:model)";
                }

                if (await cluster.GetGrain<ITenantModelGrain>(key.ToString()).GetAsync() is null)
                {
                    return $"tenant '{tenant}' has no model '{key.Model}'";
                }
            }
            else if (!SourceKey.IsValidId(name))
            {
                return $"'{name}' is neither a configured model's name nor a tenant model's tenant:model";
            }
        }

        return null;
    }
}

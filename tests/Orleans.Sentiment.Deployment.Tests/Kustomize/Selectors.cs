using k8s.Models;

namespace Orleans.Sentiment.Deployment.Tests.Kustomize;

internal static class Selectors
{
    /// <summary>Labels or annotations as a read-only map; an absent map is empty.</summary>
    public static IReadOnlyDictionary<string, string> ReadOnly(IDictionary<string, string>? map) =>
        map is null ? new Dictionary<string, string>() : new Dictionary<string, string>(map, StringComparer.Ordinal);

    /// <summary>Whether an equality selector (Service, matchLabels) selects pods with these labels.</summary>
    public static bool Matches(IDictionary<string, string>? selector, IReadOnlyDictionary<string, string> labels) =>
        selector is { Count: > 0 } && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    public static bool Matches(V1LabelSelector selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector.MatchExpressions is { Count: > 0 })
        {
            throw new NotSupportedException("matchExpressions are not used in k8s/; extend Selectors.Matches first.");
        }

        return Matches(selector.MatchLabels, labels);
    }
}

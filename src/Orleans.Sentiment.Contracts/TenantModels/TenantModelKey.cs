namespace Orleans.Sentiment.Contracts.TenantModels;

/// <summary>
/// Names one tenant model. Its string form "{tenant}/{model}" keys the model's grains; its qualified name
/// "tenant:model" names it in predictions and in a source's model selection. Both parts are ids of
/// <see cref="SourceKey"/>'s form, which holds no ':' or '/', so both forms parse back without ambiguity.
/// </summary>
public sealed record TenantModelKey(string Tenant, string Model)
{
    public const char QualifiedSeparator = ':';

    public override string ToString() => $"{Tenant}/{Model}";

    /// <summary>"tenant:model", as predictions and source settings name the model.</summary>
    public string QualifiedName => $"{Tenant}{QualifiedSeparator}{Model}";

    /// <summary>The key of version <paramref name="versionId"/>'s artifact grain.</summary>
    public string VersionKey(string versionId) => $"{Tenant}/{Model}/{versionId}";

    public static TenantModelKey Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !SourceKey.IsValidId(key[..slash]) || !SourceKey.IsValidId(key[(slash + 1)..]))
        {
            throw new FormatException($"'{key}' is not a '{{tenant}}/{{model}}' key.");
        }

        return new TenantModelKey(key[..slash], key[(slash + 1)..]);
    }

    /// <summary>Reads "tenant:model"; false for anything else (a built-in model's plain name, say).</summary>
    public static bool TryParseQualified(string? name, out TenantModelKey key)
    {
        key = null!;
        var colon = name?.IndexOf(QualifiedSeparator, StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || !SourceKey.IsValidId(name![..colon]) || !SourceKey.IsValidId(name[(colon + 1)..]))
        {
            return false;
        }

        key = new TenantModelKey(name[..colon], name[(colon + 1)..]);
        return true;
    }
}

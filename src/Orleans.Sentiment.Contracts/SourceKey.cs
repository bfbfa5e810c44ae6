using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Contracts;

/// <summary>Identifies one feedback source of one tenant; its string form "{tenant}/{source}" keys grains and streams.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.SourceKey")]
public sealed partial record SourceKey([property: Id(0)] string Tenant, [property: Id(1)] string Source)
{
    public override string ToString() => $"{Tenant}/{Source}";

    /// <summary>
    /// Tenant and source ids: 1 to 64 letters, digits, '.', '_' or '-', not starting with '.' (ids become file
    /// names and stream keys: no hidden files, no "." or "..", and no trailing newline, hence <c>\z</c> not <c>$</c>).
    /// </summary>
    public static bool IsValidId(string? value) => value is not null && IdPattern().IsMatch(value);

    public static SourceKey Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !IsValidId(key[..slash]) || !IsValidId(key[(slash + 1)..]))
        {
            throw new FormatException($"'{key}' is not a '{{tenant}}/{{source}}' key.");
        }

        return new SourceKey(key[..slash], key[(slash + 1)..]);
    }

    [GeneratedRegex(@"\A(?!\.)[A-Za-z0-9._-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}

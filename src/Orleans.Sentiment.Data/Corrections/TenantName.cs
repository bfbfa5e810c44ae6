using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Data.Corrections;

/// <summary>
/// Tenant names become file names, so only <c>[A-Za-z0-9._-]{1,64}</c> is allowed, never starting with '.' (no
/// hidden files, no "." or ".."); the pattern ends in <c>\z</c> so a trailing newline does not slip through.
/// </summary>
public static partial class TenantName
{
    public static bool IsValid(string? tenant) => tenant is not null && Pattern().IsMatch(tenant);

    public static void Validate(string? tenant)
    {
        if (!IsValid(tenant))
        {
            throw new CorrectionException("tenant", $"tenant '{tenant}' is invalid: use 1 to 64 letters, digits, '.', '_' or '-' (not starting with '.').");
        }
    }

    [GeneratedRegex(@"\A(?!\.)[A-Za-z0-9._-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

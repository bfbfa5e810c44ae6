using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Data.Corrections;

/// <summary>Tenant names become file names, so only <c>[A-Za-z0-9._-]{1,64}</c> is allowed, and never "." or "..".</summary>
public static partial class TenantName
{
    public static bool IsValid(string? tenant) => tenant is not null && Pattern().IsMatch(tenant) && tenant is not ("." or "..");

    public static void Validate(string? tenant)
    {
        if (!IsValid(tenant))
        {
            throw new CorrectionException("tenant", $"tenant '{tenant}' is invalid: use 1 to 64 letters, digits, '.', '_' or '-' (not '.' or '..').");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

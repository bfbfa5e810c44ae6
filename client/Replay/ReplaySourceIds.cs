using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Client.Replay;

/// <summary>
/// Turns a column's value such as "Virgin America" into a source id the silo accepts ("virgin-america"): the silo's
/// rule for tenant and source ids is 1 to 64 of A-Z, a-z, 0-9, '.', '_' or '-', not starting with '.'.
/// </summary>
internal static partial class ReplaySourceIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) => id is not null && ValidId().IsMatch(id);

    /// <summary>The source id for a value, or null when nothing of it is usable (empty, or only punctuation).</summary>
    public static string? FromValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Accents are dropped rather than replaced ("Café" → "cafe"), so names stay recognisable.
        var plain = new StringBuilder();
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c);
            }
        }

        var id = Disallowed().Replace(plain.ToString().ToLowerInvariant(), "-").Trim('-').TrimStart('.');
        id = id.Length > MaxLength ? id[..MaxLength].TrimEnd('-') : id;
        return IsValid(id) ? id : null;
    }

    [GeneratedRegex(@"[^a-z0-9._-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Disallowed();

    [GeneratedRegex(@"\A(?!\.)[A-Za-z0-9._-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();
}

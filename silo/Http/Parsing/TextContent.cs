using System.Globalization;
using System.Text;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// Whether a text says anything: what is left once whitespace, control characters (\u0000, \t, ...) and format
/// characters (zero-width space \u200b, byte-order mark \ufeff, bidi marks, ...) are stripped must not be empty.
/// </summary>
internal static class TextContent
{
    public static bool IsBlank(string? text)
    {
        if (text is null)
        {
            return true;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                return false;
            }
        }

        return true;
    }
}

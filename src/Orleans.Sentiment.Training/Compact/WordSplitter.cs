using System.Globalization;
using System.Text;

namespace Orleans.Sentiment.Training.Compact;

/// <summary>
/// BERT basic tokenisation (clean, lower-case, strip accents, split on whitespace and punctuation), used only to
/// choose the vocabulary. Token ids always come from the runtime tokenizer, so a difference here costs at most
/// an unused vocabulary entry, never a train/serve mismatch.
/// </summary>
internal static class WordSplitter
{
    public static IEnumerable<string> Split(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == 0 || rune.Value == 0xFFFD || (Rune.IsControl(rune) && !Rune.IsWhiteSpace(rune)))
            {
                continue;
            }

            builder.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }

        var decomposed = builder.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var current = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (c == ' ' || IsPunctuation(c))
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }

                if (c != ' ')
                {
                    yield return c.ToString();
                }

                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static bool IsPunctuation(char c) =>
        (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126) || char.IsPunctuation(c);
}

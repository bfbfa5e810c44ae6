using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>Hugging Face's <c>Strip</c>: Rust whitespace off either end.</summary>
internal sealed class StripNormalizer(bool left, bool right) : ITextNormalizer
{
    public string Normalize(string text, ref bool startsAtOrigin)
    {
        var start = 0;
        var end = text.Length;
        while (left && start < end && Scalars.IsRustWhitespace(text[start]))
        {
            start++;
        }

        while (right && end > start && Scalars.IsRustWhitespace(text[end - 1]))
        {
            end--;
        }

        startsAtOrigin &= start == 0;
        return start == 0 && end == text.Length ? text : text[start..end];
    }
}

/// <summary>
/// Hugging Face's <c>Replace</c>: every non-overlapping match of a literal string or a regular expression.
/// Rust runs Oniguruma; the patterns converters write (<c> {2,}</c>) mean the same to .NET.
/// </summary>
internal sealed class ReplaceNormalizer : ITextNormalizer
{
    private readonly string? _literal;
    private readonly Regex? _regex;
    private readonly string _content;

    private ReplaceNormalizer(string? literal, Regex? regex, string content) => (_literal, _regex, _content) = (literal, regex, content);

    public static ReplaceNormalizer Literal(string pattern, string content) => new(pattern, null, content);

    public static ReplaceNormalizer Pattern(string pattern, string content) =>
        new(null, new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), content);

    public string Normalize(string text, ref bool startsAtOrigin) => _regex is { } regex
        ? regex.Replace(text, _content.Replace("$", "$$", StringComparison.Ordinal))
        : _literal!.Length == 0 ? text : text.Replace(_literal, _content, StringComparison.Ordinal);
}

/// <summary>
/// Hugging Face's <c>NFC</c>, <c>NFD</c>, <c>NFKC</c> and <c>NFKD</c> normalizers. .NET refuses text holding
/// noncharacters (U+FFFE, U+FDD0, …), which Rust passes through; they never combine, so the runs between them
/// are normalized alone.
/// </summary>
internal sealed class UnicodeFormNormalizer(NormalizationForm form) : ITextNormalizer
{
    public string Normalize(string text, ref bool startsAtOrigin)
    {
        var builder = (StringBuilder?)null;
        var runStart = 0;
        for (var i = 0; i < text.Length;)
        {
            var scalar = Scalars.At(text, i, out var width);
            if (IsNoncharacter(scalar))
            {
                builder ??= new StringBuilder(text.Length);
                builder.Append(text[runStart..i].Normalize(form)).Append(text, i, width);
                runStart = i + width;
            }

            i += width;
        }

        return builder is null ? text.Normalize(form) : builder.Append(text[runStart..].Normalize(form)).ToString();
    }

    private static bool IsNoncharacter(int scalar) => scalar is >= 0xFDD0 and <= 0xFDEF || (scalar & 0xFFFE) == 0xFFFE;
}

/// <summary>Hugging Face's <c>Lowercase</c>: Rust's full lowercase mapping, character by character (İ gives i̇).</summary>
internal sealed class LowercaseNormalizer : ITextNormalizer
{
    public string Normalize(string text, ref bool startsAtOrigin) =>
        MapScalars(text, static (codePoint, builder) =>
        {
            if (UnicodeTables.TryLowercase(codePoint, out var mapped))
            {
                foreach (var m in mapped)
                {
                    builder.Append(char.ConvertFromUtf32(m));
                }
            }
            else
            {
                builder.Append(char.ConvertFromUtf32(codePoint));
            }
        });

    internal static string MapScalars(string text, Action<int, StringBuilder> map)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            map(Scalars.At(text, i, out var width), builder);
            i += width;
        }

        return builder.ToString();
    }
}

/// <summary>
/// Hugging Face's <c>StripAccents</c>: drops every combining mark (Mn, Mc and Me; BertNormalizer drops only Mn).
/// It follows an NFD/NFKD step in real files.
/// </summary>
internal sealed class StripAccentsNormalizer : ITextNormalizer
{
    public string Normalize(string text, ref bool startsAtOrigin) =>
        LowercaseNormalizer.MapScalars(text, static (codePoint, builder) =>
        {
            if (CharUnicodeInfo.GetUnicodeCategory(codePoint) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                builder.Append(char.ConvertFromUtf32(codePoint));
            }
        });
}

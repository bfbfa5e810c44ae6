using System.Buffers;
using System.Text;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// Hugging Face's BertNormalizer, applied character by character in its order: clean_text (drop NUL, U+FFFD and
/// control/format/unassigned characters, turn whitespace into a space), CJK ideographs padded with spaces,
/// strip_accents (NFD, drop non-spacing marks), lowercase (Rust's full mapping).
/// </summary>
internal sealed class BertNormalizer(BertNormalizerOptions options)
{
    private readonly bool _clean = options.CleanText;
    private readonly bool _chinese = options.HandleChineseChars;
    private readonly bool _strip = options.StripsAccents;
    private readonly bool _lower = options.Lowercase;

    /// <summary>ASCII characters that clean_text removes: controls other than tab, newline and return (so also \v and \f).</summary>
    private static readonly SearchValues<char> s_asciiRemoved = SearchValues.Create(
        [.. Enumerable.Range(0, 0x80).Where(c => (UnicodeTables.Flags(c) & CharFlags.RemovedByCleanText) != 0).Select(c => (char)c)]);

    /// <summary>
    /// Writes the normalized form of <paramref name="text"/> to <paramref name="output"/>; returns its length.
    /// </summary>
    public int Normalize(ReadOnlySpan<char> text, Span<char> output)
    {
        // Plain ASCII without control characters (most feedback): lowercasing and tab/newline → space.
        if (Ascii.IsValid(text) && (!_clean || !text.ContainsAny(s_asciiRemoved)))
        {
            var result = output[..text.Length];
            if (_lower)
            {
                Ascii.ToLower(text, result, out _);
            }
            else
            {
                text.CopyTo(result);
            }

            if (_clean)
            {
                result.Replace('\t', ' ');
                result.Replace('\n', ' ');
                result.Replace('\r', ' ');
            }

            return text.Length;
        }

        var length = 0;
        Span<int> scratch = stackalloc int[3];
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c < 0x80)
            {
                i++;
                var flags = UnicodeTables.Flags(c);
                if (_clean && (flags & CharFlags.RemovedByCleanText) != 0)
                {
                    continue;
                }

                output[length++] = _clean && (flags & CharFlags.WhitespaceForCleanText) != 0 ? ' '
                    : _lower && (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20)
                    : c;
                continue;
            }

            var cp = Scalars.At(text, i, out var width);
            i += width;
            length = NormalizeScalar(cp, output, length, scratch);
        }

        return length;
    }

    private int NormalizeScalar(int cp, Span<char> output, int length, Span<int> scratch)
    {
        var flags = UnicodeTables.Flags(cp);
        if (_clean)
        {
            if ((flags & CharFlags.RemovedByCleanText) != 0)
            {
                return length;
            }

            if ((flags & CharFlags.WhitespaceForCleanText) != 0)
            {
                output[length++] = ' ';
                return length;
            }
        }

        var padded = _chinese && (flags & CharFlags.Chinese) != 0;
        if (padded)
        {
            output[length++] = ' ';
        }

        if (_strip && (flags & CharFlags.RemovedByStripAccents) != 0)
        {
            // Nothing left of the character.
        }
        else if (_strip && UnicodeTables.TryStripAccents(cp, out var decomposed, scratch))
        {
            foreach (var part in decomposed)
            {
                length = AppendLowered(part, output, length);
            }
        }
        else
        {
            length = AppendLowered(cp, output, length);
        }

        if (padded)
        {
            output[length++] = ' ';
        }

        return length;
    }

    private int AppendLowered(int cp, Span<char> output, int length)
    {
        if (_lower && UnicodeTables.TryLowercase(cp, out var lowered))
        {
            foreach (var part in lowered)
            {
                length = Append(part, output, length);
            }

            return length;
        }

        return Append(cp, output, length);
    }

    private static int Append(int cp, Span<char> output, int length)
    {
        if (cp < 0x10000)
        {
            output[length++] = (char)cp;
            return length;
        }

        return length + new Rune(cp).EncodeToUtf16(output[length..]);
    }

    /// <summary>A pooled buffer large enough for the normalized form of <paramref name="textLength"/> characters.</summary>
    public static char[] RentOutput(int textLength) => ArrayPool<char>.Shared.Rent((textLength * UnicodeTables.MaxNormalizedLength) + 16);
}

using System.Globalization;
using System.Reflection;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// How Hugging Face <c>tokenizers</c> classifies every Unicode scalar value. The tables are generated from the
/// Rust library itself (tools/tokenizer-parity/gen-unicode-tables.js) because some of its Unicode data is older
/// than .NET's: taking .NET's categories would change ids for recently assigned characters.
/// </summary>
internal static class UnicodeTables
{
    private const int CodePointCount = 0x110000;
    private const int HangulFirst = 0xAC00;
    private const int HangulLast = 0xD7A3;

    private static readonly byte[] s_flags = new byte[CodePointCount];
    private static readonly Dictionary<int, int[]> s_strip = [];
    private static readonly Dictionary<int, int[]> s_lower = [];

    static UnicodeTables()
    {
        Load();
        MaxNormalizedLength = ComputeMaxNormalizedLength();
    }

    /// <summary>Most UTF-16 units the BERT normalizer can make of one character (padding, decomposition, lowercase).</summary>
    public static int MaxNormalizedLength { get; }

    public static CharFlags Flags(int codePoint) => (CharFlags)(s_flags[codePoint] & 0x9F);

    public static ByteLevelClass ByteLevelClassOf(int codePoint) => (ByteLevelClass)((s_flags[codePoint] >> 5) & 3);

    /// <summary>What strip_accents (NFD, then dropping non-spacing marks) makes of a character that it changes.</summary>
    public static bool TryStripAccents(int codePoint, out ReadOnlySpan<int> mapped, Span<int> scratch)
    {
        if (codePoint is >= HangulFirst and <= HangulLast)
        {
            var index = codePoint - HangulFirst;
            scratch[0] = 0x1100 + (index / 588);
            scratch[1] = 0x1161 + (index % 588 / 28);
            var trailing = index % 28;
            scratch[2] = 0x11A7 + trailing;
            mapped = scratch[..(trailing == 0 ? 2 : 3)];
            return true;
        }

        if (s_strip.TryGetValue(codePoint, out var value))
        {
            mapped = value;
            return true;
        }

        mapped = default;
        return false;
    }

    /// <summary>Rust's full lowercase mapping, where it differs from the character (İ gives two characters).</summary>
    public static bool TryLowercase(int codePoint, out int[] mapped) => s_lower.TryGetValue(codePoint, out mapped!);

    private static void Load()
    {
        var assembly = typeof(UnicodeTables).Assembly;
        using var stream = assembly.GetManifestResourceStream("Orleans.Sentiment.Inference.Tokenization.unicode-tables.txt")
            ?? throw new InvalidOperationException("The embedded tokenizer Unicode tables are missing from the assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ');
            switch (parts[0])
            {
                case "class":
                    var first = Hex(parts[1]);
                    var last = Hex(parts[2]);
                    s_flags.AsSpan(first, last - first + 1).Fill((byte)Hex(parts[3]));
                    break;
                case "strip":
                    s_strip[Hex(parts[1])] = [.. parts.Skip(2).Select(Hex)];
                    break;
                case "lower":
                    s_lower[Hex(parts[1])] = [.. parts.Skip(2).Select(Hex)];
                    break;
                default:
                    throw new InvalidOperationException($"Unknown line in the tokenizer Unicode tables: {parts[0]}.");
            }
        }
    }

    private static int ComputeMaxNormalizedLength()
    {
        static int Utf16Length(int cp) => cp < 0x10000 ? 1 : 2;
        int Lowered(int cp) => s_lower.TryGetValue(cp, out var lower) ? lower.Sum(Utf16Length) : Utf16Length(cp);
        var widest = Math.Max(3 * 3, s_lower.Values.Select(v => v.Sum(Utf16Length)).DefaultIfEmpty(1).Max());
        foreach (var parts in s_strip.Values)
        {
            widest = Math.Max(widest, parts.Sum(Lowered));
        }

        return widest + 2;
    }

    private static int Hex(string value) => int.Parse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}

/// <summary>Character classes of the BERT normalizer and pre-tokenizer (bits of the generated table).</summary>
[Flags]
internal enum CharFlags : byte
{
    None = 0,
    RemovedByCleanText = 1,
    WhitespaceForCleanText = 2,
    Chinese = 4,
    BertPunctuation = 8,
    BertWhitespace = 16,
    RemovedByStripAccents = 128,
}

/// <summary>Classes of the GPT-2 pre-tokenizer regex: <c>\p{L}</c>, <c>\p{N}</c>, <c>\s</c> and everything else.</summary>
internal enum ByteLevelClass : byte
{
    Other = 0,
    Letter = 1,
    Number = 2,
    Whitespace = 3,
}

using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// Hugging Face's <c>Precompiled</c> normalizer: sentencepiece's <c>precompiled_charsmap</c> (a u32 trie size, a
/// darts-clone double array over UTF-8 keys, then the replacements, each ending in \0), applied as the Rust
/// <c>spm_precompiled</c> crate applies it. Each grapheme cluster under 6 UTF-8 bytes is looked up whole; on a hit the
/// whole cluster becomes the replacement of its <em>shortest</em> key prefix (so <c>a◌̊◌́</c> loses its acute when
/// <c>a◌̊</c> is a key). Otherwise each character is looked up alone.
/// </summary>
internal sealed class PrecompiledNormalizer : ITextNormalizer
{
    private const int WholeGraphemeBytes = 6;
    private readonly uint[] _units;
    private readonly byte[] _replacements;
    private readonly ConcurrentDictionary<int, string> _decoded = new();
    private readonly bool[] _asciiMayChange = new bool[128];

    private PrecompiledNormalizer(uint[] units, byte[] replacements)
    {
        _units = units;
        _replacements = replacements;
        for (var c = 1; c < 128; c++)
        {
            _asciiMayChange[c] = HasChild(c);
        }
    }

    /// <summary>Reads the charsmap bytes; <paramref name="source"/> names the file in errors.</summary>
    public static PrecompiledNormalizer Parse(byte[] charsmap, string source)
    {
        if (charsmap.Length < 4 || BinaryPrimitives.ReadUInt32LittleEndian(charsmap) is var trieBytes && (trieBytes % 4 != 0 || trieBytes > charsmap.Length - 4 || trieBytes == 0))
        {
            throw new ModelFolderException($"{source}: normalizer Precompiled has a precompiled_charsmap that is not a sentencepiece charsmap.");
        }

        var units = new uint[trieBytes / 4];
        for (var i = 0; i < units.Length; i++)
        {
            units[i] = BinaryPrimitives.ReadUInt32LittleEndian(charsmap.AsSpan(4 + (i * 4)));
        }

        return new PrecompiledNormalizer(units, charsmap[(4 + (int)trieBytes)..]);
    }

    public string Normalize(string text, ref bool startsAtOrigin)
    {
        if (Ascii.IsValid(text) && !MayChangeAscii(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        Span<byte> utf8 = stackalloc byte[WholeGraphemeBytes * 4];
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            var length = StringInfo.GetNextTextElementLength(span);
            var grapheme = span[..length];
            span = span[length..];
            if (Encoding.UTF8.GetByteCount(grapheme) < WholeGraphemeBytes)
            {
                var count = Encoding.UTF8.GetBytes(grapheme, utf8);
                if (TryTransform(utf8[..count], out var whole))
                {
                    builder.Append(whole);
                    continue;
                }
            }

            for (var i = 0; i < grapheme.Length;)
            {
                var width = char.IsHighSurrogate(grapheme[i]) && i + 1 < grapheme.Length ? 2 : 1;
                var character = grapheme.Slice(i, width);
                var count = Encoding.UTF8.GetBytes(character, utf8);
                if (TryTransform(utf8[..count], out var replacement))
                {
                    builder.Append(replacement);
                }
                else
                {
                    builder.Append(character);
                }

                i += width;
            }
        }

        return builder.ToString();
    }

    private bool MayChangeAscii(string text)
    {
        foreach (var c in text)
        {
            if (_asciiMayChange[c])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>darts-clone's common prefix search, keeping its first (shortest) hit as spm_precompiled does.</summary>
    private bool TryTransform(ReadOnlySpan<byte> key, out string replacement)
    {
        var position = Offset(_units[0]);
        foreach (var c in key)
        {
            if (c == 0)
            {
                break;
            }

            position ^= c;
            if (position >= _units.Length || Label(_units[position]) != c)
            {
                break;
            }

            var unit = _units[position];
            position ^= Offset(unit);
            if (HasLeaf(unit) && position < _units.Length)
            {
                replacement = Replacement((int)(_units[position] & 0x7FFFFFFF));
                return true;
            }
        }

        replacement = string.Empty;
        return false;
    }

    private bool HasChild(int label)
    {
        var position = Offset(_units[0]) ^ label;
        return position < _units.Length && Label(_units[position]) == label;
    }

    private string Replacement(int offset) => _decoded.GetOrAdd(offset, static (start, bytes) =>
    {
        var end = start;
        while (end < bytes.Length && bytes[end] != 0)
        {
            end++;
        }

        return start >= bytes.Length ? string.Empty : Encoding.UTF8.GetString(bytes, start, end - start);
    }, _replacements);

    private static bool HasLeaf(uint unit) => ((unit >> 8) & 1) == 1;

    private static uint Label(uint unit) => unit & ((1u << 31) | 0xFF);

    private static int Offset(uint unit) => (int)((unit >> 10) << (int)((unit & (1u << 9)) >> 6));
}

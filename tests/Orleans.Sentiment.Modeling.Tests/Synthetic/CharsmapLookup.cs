using System.Buffers.Binary;
using System.Text;

namespace Orleans.Sentiment.Modeling.Tests.Synthetic;

/// <summary>
/// Reads a precompiled charsmap the way the Rust spm_precompiled crate does (darts-clone common-prefix search,
/// first match), independently of the writer, so the tests check the layout readers expect.
/// </summary>
internal sealed class CharsmapLookup
{
    private readonly uint[] _units;
    private readonly byte[] _normalized;

    public CharsmapLookup(byte[] charsmap)
    {
        var trieBytes = (int)BinaryPrimitives.ReadUInt32LittleEndian(charsmap);
        _units = new uint[trieBytes / 4];
        for (var i = 0; i < _units.Length; i++)
        {
            _units[i] = BinaryPrimitives.ReadUInt32LittleEndian(charsmap.AsSpan(4 + (i * 4)));
        }

        _normalized = charsmap[(4 + trieBytes)..];
    }

    public int UnitCount => _units.Length;

    /// <summary>The replacement of the shortest key that prefixes <paramref name="text"/>, or null.</summary>
    public string? Transform(string text)
    {
        var position = Offset(_units[0]);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            position ^= b;
            var unit = _units[position];
            if ((unit & ((1u << 31) | 0xFF)) != b)
            {
                return null;
            }

            position ^= Offset(unit);
            if (((unit >> 8) & 1) == 1)
            {
                var start = (int)(_units[position] & ((1u << 31) - 1));
                var end = Array.IndexOf(_normalized, (byte)0, start);
                return Encoding.UTF8.GetString(_normalized, start, end - start);
            }
        }

        return null;
    }

    private static int Offset(uint unit) => (int)((unit >> 10) << (int)((unit & (1u << 9)) >> 6));
}

using System.Buffers.Binary;
using System.Text;

namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// Builds a SentencePiece <c>precompiled_charsmap</c> (the <c>Precompiled</c> normalizer of tokenizer.json): a
/// little-endian uint32 byte count, a darts-clone double-array trie over the UTF-8 keys, then the NUL-terminated
/// replacements its leaves point into. Readers look up each grapheme (or character) as a key prefix.
/// </summary>
public static class PrecompiledCharsmap
{
    private const int BlockSize = 256;
    private const uint LeafFlag = 1u << 31;
    private const uint HasLeafFlag = 1u << 8;
    private const int MaxOffset = 1 << 21;

    /// <summary>
    /// A small part of SentencePiece's nmt_nfkc rules: odd spaces and line breaks become a space, control characters
    /// go, full-width ASCII and a few compatibility characters take their NFKC form, and decomposed accented
    /// letters are composed.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NmtNfkcSample { get; } = CreateSample();

    /// <summary>The base64 charsmap of <see cref="NmtNfkcSample"/>.</summary>
    public static string NmtNfkcSampleBase64 { get; } = Convert.ToBase64String(Build(NmtNfkcSample));

    /// <summary>The charsmap bytes for the given replacements (keys non-empty and free of NUL).</summary>
    public static byte[] Build(IReadOnlyDictionary<string, string> replacements)
    {
        var blob = new List<byte>();
        var root = new Node();
        foreach (var (key, replacement) in replacements.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            if (bytes.Length == 0 || bytes.Contains((byte)0))
            {
                throw new ArgumentException($"Charsmap keys must be non-empty and free of NUL; got '{key}'.", nameof(replacements));
            }

            var node = root;
            foreach (var b in bytes)
            {
                node = node.Children.TryGetValue(b, out var child) ? child : node.Children[b] = new Node();
            }

            node.Value = blob.Count;
            blob.AddRange(Encoding.UTF8.GetBytes(replacement));
            blob.Add(0);
        }

        var units = new TrieLayout().Place(root);
        var output = new byte[4 + (units.Length * 4) + blob.Count];
        BinaryPrimitives.WriteUInt32LittleEndian(output, (uint)(units.Length * 4));
        for (var i = 0; i < units.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(4 + (i * 4)), units[i]);
        }

        blob.CopyTo(output, 4 + (units.Length * 4));
        return output;
    }

    private static Dictionary<string, string> CreateSample()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var space in "\t\n\r\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000")
        {
            map[space.ToString()] = " ";
        }

        foreach (var control in "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000E\u000F\u001F\u007F")
        {
            map[control.ToString()] = "";
        }

        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            map[c.ToString()] = ((char)(c - 0xFEE0)).ToString();
        }

        foreach (var (from, to) in new[] { ("\uFB01", "fi"), ("\uFB02", "fl"), ("\u2026", "..."), ("\u2122", "TM"), ("\u00B2", "2"), ("\u2163", "IV") })
        {
            map[from] = to;
        }

        foreach (var composed in "éèàâçñüöäí")
        {
            map[composed.ToString().Normalize(NormalizationForm.FormD)] = composed.ToString();
        }

        return map;
    }

    private sealed class Node
    {
        public SortedDictionary<byte, Node> Children { get; } = [];

        public int? Value { get; set; }
    }

    /// <summary>
    /// Places nodes so that a node's children sit at base XOR label and its leaf (label 0) at base; bases are
    /// unique and the array is whole 256-unit blocks, so base XOR any byte stays inside it.
    /// </summary>
    private sealed class TrieLayout
    {
        private readonly List<uint> _units = [0];
        private readonly HashSet<int> _usedPositions = [0];
        private readonly HashSet<int> _usedBases = [];

        public uint[] Place(Node root)
        {
            _units[0] = OffsetBits(PlaceChildren(root, 0));
            var length = (_units.Count + BlockSize - 1) / BlockSize * BlockSize;
            while (_units.Count < length)
            {
                _units.Add(0);
            }

            return [.. _units];
        }

        /// <summary>Places the node's leaf and children and returns their base.</summary>
        private int PlaceChildren(Node node, int position)
        {
            var labels = node.Children.Keys.Select(b => (int)b).ToList();
            if (node.Value is not null)
            {
                labels.Insert(0, 0);
            }

            var start = position / BlockSize * BlockSize;
            var nodeBase = Enumerable.Range(start == 0 ? 1 : start, int.MaxValue - start)
                .First(b => !_usedBases.Contains(b) && labels.All(l => !_usedPositions.Contains(b ^ l)));
            if ((nodeBase ^ position) >= MaxOffset)
            {
                throw new InvalidOperationException("The charsmap is too large for this simple trie layout.");
            }

            _usedBases.Add(nodeBase);
            foreach (var label in labels)
            {
                Claim(nodeBase ^ label);
            }

            if (node.Value is { } value)
            {
                _units[nodeBase] = (uint)value | LeafFlag;
            }

            foreach (var (label, child) in node.Children)
            {
                var childPosition = nodeBase ^ label;
                var unit = label | (child.Value is null ? 0 : HasLeafFlag);
                _units[childPosition] = unit | OffsetBits(PlaceChildren(child, childPosition) ^ childPosition);
            }

            return nodeBase;
        }

        private void Claim(int position)
        {
            _usedPositions.Add(position);
            while (_units.Count <= (position | (BlockSize - 1)))
            {
                _units.Add(0);
            }
        }

        private static uint OffsetBits(int offset) => (uint)offset << 10;
    }
}

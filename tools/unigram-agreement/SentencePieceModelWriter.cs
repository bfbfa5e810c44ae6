using System.Text;

namespace Orleans.Sentiment.UnigramAgreement;

/// <summary>
/// Writes a sentencepiece ModelProto (the <c>.model</c> file) by hand: pieces with float scores and types, a Unigram
/// trainer spec with the special ids, and a normalizer spec holding the precompiled charsmap.
/// </summary>
internal static class SentencePieceModelWriter
{
    public const int Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Byte = 6;

    public static byte[] Write(IReadOnlyList<(string Piece, double Score, int Type)> pieces, byte[] charsmap, bool byteFallback, int unkId, int bosId, int eosId, int padId)
    {
        using var model = new MemoryStream();
        foreach (var (piece, score, type) in pieces)
        {
            using var p = new MemoryStream();
            Bytes(p, 1, Encoding.UTF8.GetBytes(piece));
            Tag(p, 2, 5);
            p.Write(BitConverter.GetBytes((float)score));
            Varint(p, 3, type);
            Bytes(model, 1, p.ToArray());
        }

        using var trainer = new MemoryStream();
        Varint(trainer, 3, 1); // model_type UNIGRAM
        Varint(trainer, 4, pieces.Count);
        Varint(trainer, 35, byteFallback ? 1 : 0);
        Varint(trainer, 40, unkId);
        Varint(trainer, 41, bosId);
        Varint(trainer, 42, eosId);
        Varint(trainer, 43, padId);
        Bytes(model, 2, trainer.ToArray());

        using var normalizer = new MemoryStream();
        Bytes(normalizer, 1, Encoding.UTF8.GetBytes("nmt_nfkc"));
        Bytes(normalizer, 2, charsmap);
        Varint(normalizer, 3, 1); // add_dummy_prefix, as Metaspace's prepend
        Varint(normalizer, 4, 0); // remove_extra_whitespaces off: the tokenizer.json keeps space runs
        Varint(normalizer, 5, 1); // escape_whitespaces (▁)
        Bytes(model, 3, normalizer.ToArray());
        return model.ToArray();
    }

    private static void Tag(Stream s, int field, int wireType) => Raw(s, ((ulong)field << 3) | (uint)wireType);

    private static void Varint(Stream s, int field, long value)
    {
        Tag(s, field, 0);
        Raw(s, (ulong)value);
    }

    private static void Bytes(Stream s, int field, byte[] value)
    {
        Tag(s, field, 2);
        Raw(s, (ulong)value.Length);
        s.Write(value);
    }

    private static void Raw(Stream s, ulong value)
    {
        while (value >= 0x80)
        {
            s.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        s.WriteByte((byte)value);
    }
}

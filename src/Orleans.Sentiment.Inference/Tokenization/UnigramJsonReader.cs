using System.Text;
using System.Text.Json;
using static Orleans.Sentiment.Inference.Tokenization.TokenizerJsonReader;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// The SentencePiece Unigram parts of a tokenizer.json: model <c>Unigram</c> (<c>vocab</c> as [piece, score] pairs,
/// <c>unk_id</c>, <c>byte_fallback</c>); normalizers <c>Precompiled</c>, <c>Strip</c>, <c>Replace</c>,
/// <c>NFC</c>/<c>NFD</c>/<c>NFKC</c>/<c>NFKD</c>, <c>Lowercase</c>, <c>StripAccents</c>, alone or in a <c>Sequence</c>;
/// pre-tokenizer <c>Metaspace</c>, alone or after <c>WhitespaceSplit</c> in a <c>Sequence</c>.
/// </summary>
internal static class UnigramJsonReader
{
    public static UnigramTokenizer Read(string path, JsonElement root, JsonElement model, List<AddedToken> added, SpecialTokenTemplate template, int padId, int maxLength)
    {
        var pieces = ReadPieces(path, model);
        var unknownId = Property(model, "unk_id") is { ValueKind: JsonValueKind.Number } unk ? unk.GetInt32()
            : throw Unsupported(path, "Unigram model without unk_id", "missing");
        if (unknownId < 0 || unknownId >= pieces.Count)
        {
            throw new ModelFolderException($"{path}: Unigram unk_id {unknownId} is outside the vocabulary of {pieces.Count} pieces.");
        }

        return new UnigramTokenizer(new UnigramTokenizerOptions
        {
            Vocabulary = pieces,
            UnknownId = unknownId,
            ByteFallback = Bool(model, "byte_fallback") ?? false,
            Normalizer = Property(root, "normalizer") is { } normalizer ? ReadNormalizer(path, normalizer) : null,
            PreTokenizer = ReadPreTokenizer(path, Property(root, "pre_tokenizer")),
            AddedTokens = added,
            Template = template,
            PadTokenId = padId,
            ModelMaxLength = maxLength,
        });
    }

    public static List<(string Piece, double Score)> ReadPieces(string path, JsonElement model)
    {
        if (Property(model, "vocab") is not { ValueKind: JsonValueKind.Array } vocab)
        {
            throw new ModelFolderException($"{path} has no Unigram vocabulary (model.vocab as [piece, score] pairs).");
        }

        var pieces = new List<(string, double)>(vocab.GetArrayLength());
        foreach (var entry in vocab.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Array || entry.GetArrayLength() != 2 || entry[0].ValueKind != JsonValueKind.String || entry[1].ValueKind != JsonValueKind.Number)
            {
                throw new ModelFolderException($"{path}: Unigram vocabulary entry {pieces.Count} is not a [piece, score] pair.");
            }

            pieces.Add((entry[0].GetString()!, entry[1].GetDouble()));
        }

        return pieces;
    }

    /// <summary>Piece → id; a piece listed twice keeps its last id, as Hugging Face's map does.</summary>
    public static Dictionary<string, int> PieceIds(List<(string Piece, double Score)> pieces)
    {
        var ids = new Dictionary<string, int>(pieces.Count, StringComparer.Ordinal);
        for (var i = 0; i < pieces.Count; i++)
        {
            ids[pieces[i].Piece] = i;
        }

        return ids;
    }

    private static ITextNormalizer ReadNormalizer(string path, JsonElement normalizer) => String(normalizer, "type") switch
    {
        "Sequence" => new SequenceNormalizer([.. (Property(normalizer, "normalizers") ?? throw Unsupported(path, "normalizer Sequence without normalizers", "missing"))
            .EnumerateArray().Select(n => ReadNormalizer(path, n))]),
        "Precompiled" => PrecompiledNormalizer.Parse(Charsmap(path, normalizer), path),
        "Strip" => new StripNormalizer(Bool(normalizer, "strip_left") ?? true, Bool(normalizer, "strip_right") ?? true),
        "Replace" => ReadReplace(path, normalizer),
        "NFC" => new UnicodeFormNormalizer(NormalizationForm.FormC),
        "NFD" => new UnicodeFormNormalizer(NormalizationForm.FormD),
        "NFKC" => new UnicodeFormNormalizer(NormalizationForm.FormKC),
        "NFKD" => new UnicodeFormNormalizer(NormalizationForm.FormKD),
        "Lowercase" => new LowercaseNormalizer(),
        "StripAccents" => new StripAccentsNormalizer(),
        var other => throw Unsupported(path, "normalizer for Unigram", other),
    };

    private static byte[] Charsmap(string path, JsonElement normalizer)
    {
        try
        {
            return Convert.FromBase64String(String(normalizer, "precompiled_charsmap") ?? string.Empty);
        }
        catch (FormatException e)
        {
            throw new ModelFolderException($"{path}: normalizer Precompiled has a precompiled_charsmap that is not base64.", e);
        }
    }

    private static ReplaceNormalizer ReadReplace(string path, JsonElement normalizer)
    {
        var content = String(normalizer, "content") ?? string.Empty;
        var pattern = Property(normalizer, "pattern");
        if (pattern is { } p && String(p, "String") is { } literal)
        {
            return ReplaceNormalizer.Literal(literal, content);
        }

        if (pattern is { } r && String(r, "Regex") is { } regex)
        {
            return ReplaceNormalizer.Pattern(regex, content);
        }

        throw Unsupported(path, "normalizer Replace pattern", pattern?.GetRawText());
    }

    private static MetaspacePreTokenizer ReadPreTokenizer(string path, JsonElement? preTokenizer)
    {
        if (preTokenizer is not { } pre)
        {
            throw Unsupported(path, "pre_tokenizer for Unigram (Metaspace is needed)", "none");
        }

        if (String(pre, "type") == "Metaspace")
        {
            return ReadMetaspace(path, pre, whitespaceSplitFirst: false);
        }

        // Sequence[WhitespaceSplit, Metaspace], as the mDeBERTa-v3 converter writes it.
        var steps = String(pre, "type") == "Sequence" && Property(pre, "pretokenizers") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().ToArray() : [];
        return steps switch
        {
            [var only] when String(only, "type") == "Metaspace" => ReadMetaspace(path, only, whitespaceSplitFirst: false),
            [var first, var second] when String(first, "type") == "WhitespaceSplit" && String(second, "type") == "Metaspace" => ReadMetaspace(path, second, whitespaceSplitFirst: true),
            _ => throw Unsupported(path, "pre_tokenizer for Unigram (Metaspace, or Sequence[WhitespaceSplit, Metaspace])", pre.GetRawText().Length > 200 ? String(pre, "type") : pre.GetRawText()),
        };
    }

    private static MetaspacePreTokenizer ReadMetaspace(string path, JsonElement metaspace, bool whitespaceSplitFirst)
    {
        var replacement = String(metaspace, "replacement") ?? "▁";
        if (replacement.Length != 1)
        {
            throw Unsupported(path, "Metaspace replacement", replacement);
        }

        // Older files say add_prefix_space instead of prepend_scheme.
        var scheme = String(metaspace, "prepend_scheme") switch
        {
            "always" => PrependScheme.Always,
            "first" => PrependScheme.First,
            "never" => PrependScheme.Never,
            null => Bool(metaspace, "add_prefix_space") == false ? PrependScheme.Never : PrependScheme.Always,
            var other => throw Unsupported(path, "Metaspace prepend_scheme", other),
        };
        return new MetaspacePreTokenizer(replacement[0], scheme, Bool(metaspace, "split") ?? true, whitespaceSplitFirst);
    }
}

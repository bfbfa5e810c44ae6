using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// The tokenizer files of an XLM-R hub export for a Unigram vocabulary: tokenizer.json with a Precompiled
/// normalizer, Metaspace pre-tokenizer and decoder, RobertaProcessing (<c>&lt;s&gt; A &lt;/s&gt;</c>) and the Unigram
/// model; tokenizer_config.json and special_tokens_map.json as transformers' save_pretrained writes them.
/// </summary>
public static class UnigramTokenizerJson
{
    private const int UnknownId = 3;

    public static JsonObject Create(IReadOnlyList<(string Piece, double Score)> vocabulary)
    {
        var pieces = new JsonArray();
        foreach (var (piece, score) in vocabulary)
        {
            pieces.Add(new JsonArray(piece, score));
        }

        var added = new JsonArray();
        foreach (var (id, token) in SpecialIds(vocabulary))
        {
            var entry = AddedToken(token);
            entry.Insert(0, "id", id);
            added.Add(entry);
        }

        return new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = added,
            ["normalizer"] = new JsonObject { ["type"] = "Precompiled", ["precompiled_charsmap"] = PrecompiledCharsmap.NmtNfkcSampleBase64 },
            ["pre_tokenizer"] = Metaspace(),
            ["post_processor"] = new JsonObject
            {
                ["type"] = "RobertaProcessing",
                ["sep"] = new JsonArray("</s>", 2),
                ["cls"] = new JsonArray("<s>", 0),
                ["trim_offsets"] = true,
                ["add_prefix_space"] = true,
            },
            ["decoder"] = Metaspace(),
            ["model"] = new JsonObject
            {
                ["type"] = "Unigram",
                ["unk_id"] = UnknownId,
                ["vocab"] = pieces,
                ["byte_fallback"] = false,
            },
        };
    }

    public static JsonObject TokenizerConfig(IReadOnlyList<(string Piece, double Score)> vocabulary, int modelMaxLength)
    {
        var decoder = new JsonObject();
        foreach (var (id, token) in SpecialIds(vocabulary))
        {
            var entry = AddedToken(token);
            entry.Remove("id");
            decoder[id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = entry;
        }

        return new JsonObject
        {
            ["added_tokens_decoder"] = decoder,
            ["bos_token"] = "<s>",
            ["clean_up_tokenization_spaces"] = false,
            ["cls_token"] = "<s>",
            ["eos_token"] = "</s>",
            ["extra_special_tokens"] = new JsonObject(),
            ["mask_token"] = GeneratedUnigramVocabulary.Mask,
            ["model_max_length"] = modelMaxLength,
            ["pad_token"] = "<pad>",
            ["sep_token"] = "</s>",
            ["tokenizer_class"] = "XLMRobertaTokenizer",
            ["unk_token"] = "<unk>",
        };
    }

    public static JsonObject SpecialTokensMap()
    {
        var mask = AddedToken(GeneratedUnigramVocabulary.Mask);
        mask.Remove("special");
        return new JsonObject
        {
            ["bos_token"] = "<s>",
            ["cls_token"] = "<s>",
            ["eos_token"] = "</s>",
            ["mask_token"] = mask,
            ["pad_token"] = "<pad>",
            ["sep_token"] = "</s>",
            ["unk_token"] = "<unk>",
        };
    }

    private static IEnumerable<(int Id, string Token)> SpecialIds(IReadOnlyList<(string Piece, double Score)> vocabulary) =>
        GeneratedUnigramVocabulary.Specials.Select((token, id) => (id, token)).Append((vocabulary.Count - 1, GeneratedUnigramVocabulary.Mask));

    // XLMRobertaTokenizer makes <mask> take the spaces before it (lstrip), like RoBERTa's.
    private static JsonObject AddedToken(string token) => new()
    {
        ["content"] = token,
        ["single_word"] = false,
        ["lstrip"] = token == GeneratedUnigramVocabulary.Mask,
        ["rstrip"] = false,
        ["normalized"] = false,
        ["special"] = true,
    };

    private static JsonObject Metaspace() => new()
    {
        ["type"] = "Metaspace",
        ["replacement"] = GeneratedUnigramVocabulary.Boundary,
        ["prepend_scheme"] = "always",
        ["split"] = true,
    };
}

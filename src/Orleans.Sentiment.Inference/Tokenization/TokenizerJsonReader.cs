using System.Text.Json;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// Reads a Hugging Face <c>tokenizer.json</c>: a WordPiece model (BertNormalizer, BertPreTokenizer), a byte-level
/// BPE model (ByteLevel pre-tokenizer) or a SentencePiece Unigram model (<see cref="UnigramJsonReader"/>), with
/// TemplateProcessing, BertProcessing or RobertaProcessing and the added tokens. Anything else is refused with a
/// message naming the file and the component.
/// </summary>
internal static class TokenizerJsonReader
{
    public static ITextTokenizer Read(string path, TokenizerFolderSettings settings)
    {
        using var document = Parse(path);
        var root = document.RootElement;
        var model = Property(root, "model") ?? throw Unsupported(path, "model", "missing");
        var modelType = String(model, "type") ?? (Property(model, "merges") is not null ? "BPE" : Property(model, "vocab") is not null ? "WordPiece" : null);
        if (modelType is not ("WordPiece" or "BPE" or "Unigram"))
        {
            throw Unsupported(path, "model type", modelType ?? "missing");
        }

        var vocabulary = modelType == "Unigram" ? UnigramJsonReader.PieceIds(UnigramJsonReader.ReadPieces(path, model)) : ReadVocabulary(path, model);
        var added = AssignIds(ReadAddedTokens(root), vocabulary);
        var template = ReadTemplate(path, Property(root, "post_processor"), added);
        var maxLength = settings.ModelMaxLength;
        return modelType switch
        {
            "WordPiece" => ReadWordPiece(path, root, model, added, template, maxLength),
            "BPE" => ReadByteLevelBpe(path, root, model, added, template, maxLength),
            "Unigram" => UnigramJsonReader.Read(path, root, model, added, template, PadId(root, added, vocabulary, "<pad>"), maxLength),
            _ => throw Unsupported(path, "model type", modelType ?? "missing"),
        };
    }

    private static WordPieceTokenizer ReadWordPiece(string path, JsonElement root, JsonElement model, List<AddedToken> added, SpecialTokenTemplate template, int maxLength)
    {
        var normalizer = Property(root, "normalizer") is { } n ? ReadBertNormalizer(path, n) : null;
        if (Property(root, "pre_tokenizer") is { } pre && String(pre, "type") != "BertPreTokenizer")
        {
            throw Unsupported(path, "pre_tokenizer for WordPiece", String(pre, "type"));
        }

        var vocabulary = ReadVocabulary(path, model);
        return new WordPieceTokenizer(new WordPieceTokenizerOptions
        {
            Vocabulary = vocabulary,
            UnknownToken = String(model, "unk_token") ?? "[UNK]",
            ContinuingSubwordPrefix = String(model, "continuing_subword_prefix") ?? "##",
            MaxInputCharsPerWord = Property(model, "max_input_chars_per_word") is { ValueKind: JsonValueKind.Number } m ? m.GetInt32() : 100,
            Normalizer = normalizer,
            AddedTokens = added,
            Template = template,
            PadTokenId = PadId(root, added, vocabulary, "[PAD]"),
            ModelMaxLength = maxLength,
        });
    }

    private static ByteLevelBpeTokenizer ReadByteLevelBpe(string path, JsonElement root, JsonElement model, List<AddedToken> added, SpecialTokenTemplate template, int maxLength)
    {
        if (Property(root, "normalizer") is { } normalizer)
        {
            throw Unsupported(path, "normalizer for BPE", String(normalizer, "type"));
        }

        var pre = Property(root, "pre_tokenizer");
        if (pre is null || String(pre.Value, "type") != "ByteLevel")
        {
            throw Unsupported(path, "pre_tokenizer for BPE (only ByteLevel is read)", pre is null ? "none" : String(pre.Value, "type"));
        }

        if (!string.IsNullOrEmpty(String(model, "continuing_subword_prefix")) || !string.IsNullOrEmpty(String(model, "end_of_word_suffix"))
            || Bool(model, "byte_fallback") == true || Property(model, "dropout") is { ValueKind: JsonValueKind.Number })
        {
            throw Unsupported(path, "BPE option (subword prefix/suffix, byte_fallback or dropout)", "set");
        }

        var vocabulary = ReadVocabulary(path, model);
        return new ByteLevelBpeTokenizer(new ByteLevelBpeTokenizerOptions
        {
            Vocabulary = vocabulary,
            Merges = ReadMerges(path, model),
            Source = path,
            UnknownToken = String(model, "unk_token"),
            AddPrefixSpace = Bool(pre.Value, "add_prefix_space") ?? false,
            UseRegex = Bool(pre.Value, "use_regex") ?? true,
            IgnoreMerges = Bool(model, "ignore_merges") ?? false,
            AddedTokens = added,
            Template = template,
            PadTokenId = PadId(root, added, vocabulary, "<pad>"),
            ModelMaxLength = maxLength,
        });
    }

    private static BertNormalizerOptions ReadBertNormalizer(string path, JsonElement normalizer)
    {
        if (String(normalizer, "type") != "BertNormalizer")
        {
            throw Unsupported(path, "normalizer for WordPiece", String(normalizer, "type"));
        }

        return new BertNormalizerOptions(
            CleanText: Bool(normalizer, "clean_text") ?? true,
            HandleChineseChars: Bool(normalizer, "handle_chinese_chars") ?? true,
            StripAccents: Bool(normalizer, "strip_accents"),
            Lowercase: Bool(normalizer, "lowercase") ?? true);
    }

    private static SpecialTokenTemplate ReadTemplate(string path, JsonElement? processor, List<AddedToken> added)
    {
        if (processor is not { } p)
        {
            return SpecialTokenTemplate.None;
        }

        switch (String(p, "type"))
        {
            case "BertProcessing" or "RobertaProcessing":
                return new SpecialTokenTemplate([PairId(path, p, "cls")], [PairId(path, p, "sep")]);
            case "ByteLevel":
                return SpecialTokenTemplate.None;
            case "TemplateProcessing":
                return ReadTemplateProcessing(path, p);
            case var other:
                throw Unsupported(path, "post_processor", other);
        }
    }

    private static SpecialTokenTemplate ReadTemplateProcessing(string path, JsonElement processor)
    {
        var specials = Property(processor, "special_tokens");
        var prefix = new List<int>();
        var suffix = new List<int>();
        var seenSequence = false;
        foreach (var piece in (Property(processor, "single") ?? throw Unsupported(path, "TemplateProcessing without 'single'", "missing")).EnumerateArray())
        {
            if (Property(piece, "Sequence") is not null)
            {
                seenSequence = true;
                continue;
            }

            var name = Property(piece, "SpecialToken") is { } special ? String(special, "id") : null;
            if (name is null || specials is not { } map || Property(map, name) is not { } entry || Property(entry, "ids") is not { } ids)
            {
                throw Unsupported(path, "TemplateProcessing piece", piece.GetRawText());
            }

            (seenSequence ? suffix : prefix).AddRange(ids.EnumerateArray().Select(i => i.GetInt32()));
        }

        return new SpecialTokenTemplate([.. prefix], [.. suffix]);
    }

    private static List<AddedToken> ReadAddedTokens(JsonElement root)
    {
        var tokens = new List<AddedToken>();
        if (Property(root, "added_tokens") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var t in list.EnumerateArray())
            {
                var special = Bool(t, "special") ?? false;
                tokens.Add(new AddedToken(
                    String(t, "content") ?? string.Empty,
                    t.GetProperty("id").GetInt32(),
                    special,
                    Bool(t, "single_word") ?? false,
                    Bool(t, "lstrip") ?? false,
                    Bool(t, "rstrip") ?? false,
                    Bool(t, "normalized") ?? !special));
            }
        }

        return tokens;
    }

    /// <summary>
    /// Gives each added token the id Hugging Face gives it when it loads the file: the model's id when the content is
    /// in the vocabulary, else the next id after the vocabulary and the added tokens before it. (Files Hugging Face
    /// wrote already agree; the "id" fields of a hand-edited file are not trusted.)
    /// </summary>
    private static List<AddedToken> AssignIds(List<AddedToken> tokens, Dictionary<string, int> vocabulary)
    {
        var assigned = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabularySize = vocabulary.Count;
        var result = new List<AddedToken>(tokens.Count);
        foreach (var token in tokens)
        {
            if (!assigned.TryGetValue(token.Content, out var id) && !vocabulary.TryGetValue(token.Content, out id))
            {
                var maxAdded = assigned.Count == 0 ? -1 : assigned.Values.Max();
                id = maxAdded >= vocabularySize ? maxAdded + 1 : vocabularySize;
            }

            assigned[token.Content] = id;
            result.Add(token with { Id = id });
        }

        return result;
    }

    private static Dictionary<string, int> ReadVocabulary(string path, JsonElement model)
    {
        if (Property(model, "vocab") is not { ValueKind: JsonValueKind.Object } vocab)
        {
            throw new ModelFolderException($"{path} has no model vocabulary (model.vocab).");
        }

        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in vocab.EnumerateObject())
        {
            vocabulary[entry.Name] = entry.Value.GetInt32();
        }

        return vocabulary;
    }

    /// <summary>Merges as "a b" strings (older files) or ["a", "b"] pairs (newer files).</summary>
    private static List<(string, string)> ReadMerges(string path, JsonElement model)
    {
        var merges = new List<(string, string)>();
        foreach (var merge in (Property(model, "merges") ?? throw new ModelFolderException($"{path} has no BPE merges (model.merges).")).EnumerateArray())
        {
            if (merge.ValueKind == JsonValueKind.Array && merge.GetArrayLength() == 2)
            {
                merges.Add((merge[0].GetString()!, merge[1].GetString()!));
                continue;
            }

            var text = merge.GetString() ?? string.Empty;
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                throw new ModelFolderException($"{path}: merge '{text}' is not two tokens.");
            }

            merges.Add((text[..space], text[(space + 1)..]));
        }

        return merges;
    }

    private static int PairId(string path, JsonElement processor, string name) =>
        Property(processor, name) is { ValueKind: JsonValueKind.Array } pair && pair.GetArrayLength() == 2
            ? pair[1].GetInt32()
            : throw Unsupported(path, $"post_processor.{name}", "missing");

    private static int PadId(JsonElement root, List<AddedToken> added, Dictionary<string, int> vocabulary, string fallback)
    {
        if (Property(root, "padding") is { ValueKind: JsonValueKind.Object } padding && Property(padding, "pad_id") is { ValueKind: JsonValueKind.Number } id)
        {
            return id.GetInt32();
        }

        var pad = added.FirstOrDefault(t => t.Content is "[PAD]" or "<pad>");
        return pad?.Id ?? (vocabulary.TryGetValue(fallback, out var padId) ? padId : 0);
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new ModelFolderException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    internal static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    internal static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    internal static bool? Bool(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : null;

    internal static ModelFolderException Unsupported(string path, string component, string? value) =>
        new($"{path}: {component} '{value ?? "missing"}' is not supported (this runtime reads WordPiece with BertNormalizer/BertPreTokenizer, byte-level BPE and SentencePiece Unigram).");
}

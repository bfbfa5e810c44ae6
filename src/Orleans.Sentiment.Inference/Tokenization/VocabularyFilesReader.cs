using System.Text.Json;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// Builds tokenizers from the older Hugging Face files the way transformers converts them to a fast tokenizer:
/// <c>vocab.txt</c> (BertConverter) and <c>vocab.json</c> + <c>merges.txt</c> (RobertaConverter).
/// </summary>
internal static class VocabularyFilesReader
{
    public static WordPieceTokenizer ReadWordPiece(string vocabPath, TokenizerFolderSettings settings)
    {
        var vocabulary = ReadVocabTxt(vocabPath);
        var lowercase = settings.Flag("do_lower_case") ?? true;
        var normalizer = new BertNormalizerOptions(
            CleanText: true,
            HandleChineseChars: settings.Flag("tokenize_chinese_chars") ?? true,
            StripAccents: settings.Flag("strip_accents"),
            Lowercase: lowercase);
        var specials = new Dictionary<string, string>
        {
            ["unk_token"] = settings.SpecialToken("unk_token")?.Content ?? "[UNK]",
            ["sep_token"] = settings.SpecialToken("sep_token")?.Content ?? "[SEP]",
            ["pad_token"] = settings.SpecialToken("pad_token")?.Content ?? "[PAD]",
            ["cls_token"] = settings.SpecialToken("cls_token")?.Content ?? "[CLS]",
            ["mask_token"] = settings.SpecialToken("mask_token")?.Content ?? "[MASK]",
        };
        int Id(string role) => vocabulary.TryGetValue(specials[role], out var id) ? id
            : throw new ModelFolderException($"{vocabPath} has no {role} '{specials[role]}'.");
        return new WordPieceTokenizer(new WordPieceTokenizerOptions
        {
            Vocabulary = vocabulary,
            UnknownToken = specials["unk_token"],
            Normalizer = normalizer,
            AddedTokens = [.. specials.Values.Distinct().Where(vocabulary.ContainsKey).Select(t => new AddedToken(t, vocabulary[t]))],
            Template = new SpecialTokenTemplate([Id("cls_token")], [Id("sep_token")]),
            PadTokenId = Id("pad_token"),
            ModelMaxLength = settings.ModelMaxLength,
        });
    }

    public static ByteLevelBpeTokenizer ReadByteLevelBpe(string vocabPath, string mergesPath, TokenizerFolderSettings settings)
    {
        if (!File.Exists(mergesPath))
        {
            throw new ModelFolderException($"Model folder '{settings.Directory}' has vocab.json but no merges.txt beside it.");
        }

        var vocabulary = ReadVocabJson(vocabPath);
        var merges = ReadMerges(mergesPath);
        var roles = new (string Role, string Default)[]
        {
            ("bos_token", "<s>"), ("eos_token", "</s>"), ("unk_token", "<unk>"), ("sep_token", "</s>"),
            ("pad_token", "<pad>"), ("cls_token", "<s>"), ("mask_token", "<mask>"),
        };
        var added = new Dictionary<string, AddedToken>(StringComparer.Ordinal);
        foreach (var (role, fallback) in roles)
        {
            var spec = settings.SpecialToken(role) ?? new AddedTokenSpec(fallback, null, null, null);
            if (vocabulary.TryGetValue(spec.Content, out var id) && !added.ContainsKey(spec.Content))
            {
                // RobertaTokenizer makes the mask token strip the whitespace before it unless told otherwise.
                var leftStrip = spec.LeftStrip ?? role == "mask_token";
                added[spec.Content] = new AddedToken(spec.Content, id, true, spec.SingleWord ?? false, leftStrip, spec.RightStrip ?? false);
            }
        }

        var isGpt2 = settings.ModelType?.StartsWith("gpt", StringComparison.Ordinal) == true;
        var cls = settings.SpecialToken("cls_token")?.Content ?? "<s>";
        var sep = settings.SpecialToken("sep_token")?.Content ?? "</s>";
        var template = !isGpt2 && vocabulary.TryGetValue(cls, out var clsId) && vocabulary.TryGetValue(sep, out var sepId)
            ? new SpecialTokenTemplate([clsId], [sepId])
            : SpecialTokenTemplate.None;
        var pad = settings.SpecialToken("pad_token")?.Content ?? "<pad>";
        return new ByteLevelBpeTokenizer(new ByteLevelBpeTokenizerOptions
        {
            Vocabulary = vocabulary,
            Merges = merges,
            Source = vocabPath,
            UnknownToken = settings.SpecialToken("unk_token")?.Content ?? "<unk>",
            AddPrefixSpace = settings.Flag("add_prefix_space") ?? false,
            AddedTokens = [.. added.Values],
            Template = template,
            PadTokenId = vocabulary.TryGetValue(pad, out var padId) ? padId : 0,
            ModelMaxLength = settings.ModelMaxLength,
        });
    }

    /// <summary>
    /// One token per line, id = line number; a repeated token keeps its last line, as transformers does.
    /// Line ends are read like Python's universal newlines (\n, \r\n, \r).
    /// </summary>
    private static Dictionary<string, int> ReadVocabTxt(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = text.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        var vocabulary = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            vocabulary[lines[i]] = i;
        }

        if (vocabulary.Count == 0)
        {
            throw new ModelFolderException($"{path} is empty.");
        }

        return vocabulary;
    }

    private static Dictionary<string, int> ReadVocabJson(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path))
                ?? throw new ModelFolderException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new ModelFolderException($"{path} is not a JSON object of token → id: {e.Message}", e);
        }
    }

    private static List<(string, string)> ReadMerges(string path)
    {
        var merges = new List<(string, string)>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith("#version", StringComparison.Ordinal))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || space == line.Length - 1)
            {
                throw new ModelFolderException($"{path}: line '{line}' is not a merge of two tokens.");
            }

            merges.Add((line[..space], line[(space + 1)..]));
        }

        return merges;
    }
}

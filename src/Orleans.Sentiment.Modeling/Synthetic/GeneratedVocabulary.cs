using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// A made-up uncased WordPiece vocabulary of a given size, for synthetic models written without real
/// tokenizer files: BERT's special tokens at BERT's ids, common English words, letters and ## letters,
/// then unused slots. Written as vocab.txt and as an equivalent Hugging Face tokenizer.json.
/// </summary>
public static class GeneratedVocabulary
{
    private static readonly string[] CommonWords =
    [
        "the", "a", "an", "and", "or", "but", "not", "no", "is", "was", "are", "were", "be", "been", "it", "this", "that",
        "i", "you", "he", "she", "we", "they", "my", "your", "our", "their", "me", "us", "them", "of", "to", "in", "on",
        "for", "with", "at", "by", "from", "as", "about", "so", "very", "too", "just", "all", "more", "most", "much",
        "good", "great", "bad", "love", "hate", "like", "best", "worst", "awful", "excellent", "terrible", "nice",
        "movie", "film", "story", "app", "flight", "service", "time", "customer", "support", "bug", "crash", "feature",
        "update", "please", "thanks", "thank", "help", "delay", "delayed", "cancelled", "bag", "lost", "work", "works",
        "does", "do", "did", "have", "has", "had", "can", "could", "would", "should", "will", "one", "two", "never",
        "ever", "again", "still", "even", "only", "really", "well", "fun", "funny", "boring", "slow", "fast",
        ".", ",", "!", "?", "'", "\"", "-", "(", ")", ":", ";", "@", "#", "&", "/",
    ];

    public static List<string> Create(int size)
    {
        var tokens = new List<string>(size) { "[PAD]" };
        for (var i = 1; i < 100; i++)
        {
            tokens.Add($"[unused{i - 1}]");
        }

        tokens.AddRange(["[UNK]", "[CLS]", "[SEP]", "[MASK]"]);
        var letters = Enumerable.Range('a', 26).Select(c => ((char)c).ToString()).ToArray();
        var digits = Enumerable.Range('0', 10).Select(c => ((char)c).ToString()).ToArray();
        foreach (var token in CommonWords.Concat(letters).Concat(digits).Concat(letters.Select(l => "##" + l)).Concat(digits.Select(d => "##" + d)))
        {
            if (!tokens.Contains(token))
            {
                tokens.Add(token);
            }
        }

        if (tokens.Count > size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"A generated vocabulary needs at least {tokens.Count} entries; the model has {size}.");
        }

        for (var i = tokens.Count; i < size; i++)
        {
            tokens.Add($"[unused{i}]");
        }

        return tokens;
    }

    public static void Write(string directory, int size, int modelMaxLength)
    {
        var tokens = Create(size);
        File.WriteAllLines(Path.Combine(directory, "vocab.txt"), tokens);
        var tokenizerConfig = new JsonObject
        {
            ["do_lower_case"] = true,
            ["model_max_length"] = modelMaxLength,
            ["tokenizer_class"] = "BertTokenizer",
        };
        File.WriteAllText(Path.Combine(directory, "tokenizer_config.json"), tokenizerConfig.ToJsonString(Indented) + "\n");
        File.WriteAllText(Path.Combine(directory, "tokenizer.json"), TokenizerJson(tokens).ToJsonString() + "\n");
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static JsonObject TokenizerJson(List<string> tokens)
    {
        var vocab = new JsonObject();
        for (var i = 0; i < tokens.Count; i++)
        {
            vocab[tokens[i]] = i;
        }

        var added = new JsonArray();
        foreach (var special in new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" })
        {
            added.Add(new JsonObject
            {
                ["id"] = tokens.IndexOf(special),
                ["content"] = special,
                ["single_word"] = false,
                ["lstrip"] = false,
                ["rstrip"] = false,
                ["normalized"] = false,
                ["special"] = true,
            });
        }

        return new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = added,
            ["normalizer"] = new JsonObject
            {
                ["type"] = "BertNormalizer",
                ["clean_text"] = true,
                ["handle_chinese_chars"] = true,
                ["strip_accents"] = null,
                ["lowercase"] = true,
            },
            ["pre_tokenizer"] = new JsonObject { ["type"] = "BertPreTokenizer" },
            ["post_processor"] = new JsonObject
            {
                ["type"] = "TemplateProcessing",
                ["single"] = new JsonArray(Special("[CLS]"), Sequence("A"), Special("[SEP]")),
                ["pair"] = new JsonArray(Special("[CLS]"), Sequence("A"), Special("[SEP]"), Sequence("B", 1), Special("[SEP]", 1)),
                ["special_tokens"] = new JsonObject
                {
                    ["[CLS]"] = SpecialEntry("[CLS]", tokens.IndexOf("[CLS]")),
                    ["[SEP]"] = SpecialEntry("[SEP]", tokens.IndexOf("[SEP]")),
                },
            },
            ["decoder"] = new JsonObject { ["type"] = "WordPiece", ["prefix"] = "##", ["cleanup"] = true },
            ["model"] = new JsonObject
            {
                ["type"] = "WordPiece",
                ["unk_token"] = "[UNK]",
                ["continuing_subword_prefix"] = "##",
                ["max_input_chars_per_word"] = 100,
                ["vocab"] = vocab,
            },
        };
    }

    private static JsonObject Special(string id, int typeId = 0) =>
        new() { ["SpecialToken"] = new JsonObject { ["id"] = id, ["type_id"] = typeId } };

    private static JsonObject Sequence(string id, int typeId = 0) =>
        new() { ["Sequence"] = new JsonObject { ["id"] = id, ["type_id"] = typeId } };

    private static JsonObject SpecialEntry(string token, int id) =>
        new() { ["id"] = token, ["ids"] = new JsonArray(id), ["tokens"] = new JsonArray(token) };
}

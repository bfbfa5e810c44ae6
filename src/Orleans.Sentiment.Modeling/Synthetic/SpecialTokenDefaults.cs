using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// Completes tokenizer_config.json with the special tokens and tokenizer class that transformers'
/// save_pretrained writes. Older hub revisions leave them out (transformers falls back to the class
/// defaults), but other runtimes such as transformers.js read them only from this file.
/// </summary>
public static class SpecialTokenDefaults
{
    private const string ConfigName = "tokenizer_config.json";
    private const string MapName = "special_tokens_map.json";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Complete(string directory, TransformerFamily family)
    {
        var configPath = Path.Combine(directory, ConfigName);
        var config = Read(configPath) ?? [];
        var map = Read(Path.Combine(directory, MapName));
        foreach (var (key, fallback) in Defaults(family))
        {
            if (config[key] is null)
            {
                config[key] = map?[key]?.DeepClone() ?? fallback;
            }
        }

        File.WriteAllText(configPath, config.ToJsonString(Indented) + "\n");
    }

    private static IEnumerable<(string Key, string Value)> Defaults(TransformerFamily family) => family switch
    {
        TransformerFamily.Roberta or TransformerFamily.XlmRoberta =>
        [
            ("tokenizer_class", family == TransformerFamily.XlmRoberta ? "XLMRobertaTokenizer" : "RobertaTokenizer"), ("bos_token", "<s>"), ("eos_token", "</s>"), ("sep_token", "</s>"),
            ("cls_token", "<s>"), ("unk_token", "<unk>"), ("pad_token", "<pad>"), ("mask_token", "<mask>"),
        ],
        _ =>
        [
            ("tokenizer_class", family == TransformerFamily.DistilBert ? "DistilBertTokenizer" : "BertTokenizer"),
            ("cls_token", "[CLS]"), ("sep_token", "[SEP]"), ("unk_token", "[UNK]"), ("pad_token", "[PAD]"), ("mask_token", "[MASK]"),
        ],
    };

    private static JsonObject? Read(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;
}

using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary>
/// Tokenizer folders built from the shared Hugging Face files, one per loading route: the folder as shipped,
/// and temporary folders holding only the older files (vocab.txt; vocab.json + merges.txt) or a tokenizer.json
/// made as transformers' converters make it.
/// </summary>
internal sealed class SharedTokenizerFolders : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("tokenizer-folders-").FullName;

    public static string DistilBert => Path.Combine(TestPaths.SharedData!, "hf", "distilbert-base-uncased-finetuned-sst-2-english");

    public static string Roberta => Path.Combine(TestPaths.SharedData!, "hf", "twitter-roberta-base-sentiment-latest");

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>vocab.txt and a tokenizer_config.json, no tokenizer.json.</summary>
    public string WordPieceVocabOnly(bool lowercase) => Folder($"vocab-txt-{lowercase}", dir =>
    {
        File.Copy(Path.Combine(DistilBert, "vocab.txt"), Path.Combine(dir, "vocab.txt"));
        File.WriteAllText(Path.Combine(dir, "tokenizer_config.json"), $$"""{"model_max_length": 512, "do_lower_case": {{(lowercase ? "true" : "false")}}}""");
    });

    /// <summary>The shared distilbert tokenizer.json with its normalizer's lowercase switched off (the cased code path).</summary>
    public string CasedTokenizerJson() => Folder("cased-json", dir =>
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(DistilBert, "tokenizer.json")))!;
        json["normalizer"]!["lowercase"] = false;
        File.WriteAllText(Path.Combine(dir, "tokenizer.json"), json.ToJsonString());
    });

    /// <summary>A RoBERTa tokenizer.json as RobertaConverter writes it from vocab.json + merges.txt + special_tokens_map.json.</summary>
    public string RobertaTokenizerJson() => Folder("roberta-json", dir =>
    {
        var vocab = JsonNode.Parse(File.ReadAllText(Path.Combine(Roberta, "vocab.json")))!.AsObject();
        var merges = new JsonArray([.. File.ReadLines(Path.Combine(Roberta, "merges.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith("#version", StringComparison.Ordinal))
            .Select(l => (JsonNode)JsonValue.Create(l))]);
        JsonObject Added(string content, bool lstrip) => new()
        {
            ["id"] = vocab[content]!.GetValue<int>(), ["content"] = content, ["single_word"] = false, ["lstrip"] = lstrip,
            ["rstrip"] = false, ["normalized"] = false, ["special"] = true,
        };
        var tokenizer = new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = new JsonArray(Added("<s>", false), Added("<pad>", false), Added("</s>", false), Added("<unk>", false), Added("<mask>", true)),
            ["normalizer"] = null,
            ["pre_tokenizer"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = true },
            ["post_processor"] = new JsonObject
            {
                ["type"] = "RobertaProcessing", ["sep"] = new JsonArray("</s>", 2), ["cls"] = new JsonArray("<s>", 0),
                ["trim_offsets"] = true, ["add_prefix_space"] = false,
            },
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["continuing_subword_prefix"] = "", ["end_of_word_suffix"] = "",
                ["fuse_unk"] = false, ["byte_fallback"] = false, ["vocab"] = vocab.DeepClone(), ["merges"] = merges,
            },
        };
        File.WriteAllText(Path.Combine(dir, "tokenizer.json"), tokenizer.ToJsonString());
    });

    /// <summary>A folder's tokenizer.json with the added tokens of Parity/added-tokens.json (under <paramref name="key"/>) appended.</summary>
    public string WithAddedTokens(string baseFolder, string key) => Folder(key, dir =>
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(baseFolder, "tokenizer.json")))!;
        var extra = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Parity", "added-tokens.json")))![key]!.AsArray();
        foreach (var token in extra)
        {
            json["added_tokens"]!.AsArray().Add(token!.DeepClone());
        }

        File.WriteAllText(Path.Combine(dir, "tokenizer.json"), json.ToJsonString());
    });

    private string Folder(string name, Action<string> fill)
    {
        var dir = Path.Combine(_temp, name);
        if (!Directory.Exists(dir))
        {
            Directory.CreateDirectory(dir);
            fill(dir);
        }

        return dir;
    }
}

using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary>
/// Folders holding the committed Unigram test tokenizer (Parity/unigram/tokenizer.json, built by
/// tools/tokenizer-parity/unigram-tokenizer-json.js) with one variant's changes from Parity/unigram-variants.json.
/// </summary>
internal sealed class UnigramTokenizerFolders : IDisposable
{
    private static readonly string ParityDirectory = Path.Combine(AppContext.BaseDirectory, "Parity");
    private readonly string _temp = Directory.CreateTempSubdirectory("unigram-folders-").FullName;

    public static IEnumerable<string> VariantNames =>
        Variants()["variants"]!.AsObject().Select(v => v.Key);

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    /// <summary>A folder with the variant's tokenizer.json, as the generator applies the variant.</summary>
    public string Variant(string name)
    {
        var dir = Path.Combine(_temp, name);
        if (Directory.Exists(dir))
        {
            return dir;
        }

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(ParityDirectory, "unigram", "tokenizer.json")))!.AsObject();
        var variants = Variants();
        var placeholder = variants["charsmapPlaceholder"]!.GetValue<string>();
        var charsmap = json["normalizer"]!["precompiled_charsmap"]!.GetValue<string>();
        var variant = variants["variants"]![name]!.AsObject();
        foreach (var key in new[] { "normalizer", "pre_tokenizer", "post_processor" })
        {
            if (variant[key] is { } replacement)
            {
                json[key] = JsonNode.Parse(replacement.ToJsonString().Replace($"\"{placeholder}\"", $"\"{charsmap}\"", StringComparison.Ordinal));
            }
        }

        foreach (var (flag, value) in variant["model"]?.AsObject() ?? [])
        {
            json["model"]![flag] = value!.DeepClone();
        }

        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "tokenizer.json"), json.ToJsonString());
        return dir;
    }

    private static JsonNode Variants() => JsonNode.Parse(File.ReadAllText(Path.Combine(ParityDirectory, "unigram-variants.json")))!;
}

using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>Copies a Hugging Face tokenizer's files into a model folder and reads its vocabulary size.</summary>
public static class TokenizerFiles
{
    private static readonly string[] Names =
    [
        "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json", "vocab.txt", "vocab.json", "merges.txt",
    ];

    /// <summary>Copies the tokenizer files found in <paramref name="source"/>; throws when it holds no vocabulary.</summary>
    public static void Copy(string source, string destination)
    {
        if (SentencePieceModelFiles.MissingTokenizerJson(source) is { } advice)
        {
            throw new ArgumentException(advice, nameof(source));
        }

        var present = Names.Where(name => File.Exists(Path.Combine(source, name))).ToList();
        if (!present.Any(name => name is "tokenizer.json" or "vocab.txt" or "vocab.json"))
        {
            throw new ArgumentException($"Tokenizer folder '{source}' has no tokenizer.json, vocab.txt or vocab.json.", nameof(source));
        }

        Directory.CreateDirectory(destination);
        foreach (var name in present)
        {
            var target = Path.Combine(destination, name);
            File.Copy(Path.Combine(source, name), target, overwrite: true);
            // Sources may be read-only (a shared or cached folder); the copy belongs to the new model folder.
            File.SetAttributes(target, FileAttributes.Normal);
        }
    }

    /// <summary>One more than the highest token id any of the files defines (the model's vocab_size).</summary>
    public static int VocabularySize(string directory)
    {
        var size = 0;
        var vocabTxt = Path.Combine(directory, "vocab.txt");
        if (File.Exists(vocabTxt))
        {
            size = File.ReadLines(vocabTxt).Count();
        }

        if (ReadObject(Path.Combine(directory, "vocab.json")) is { } vocabJson)
        {
            size = Math.Max(size, MaxId(vocabJson) + 1);
        }

        if (ReadObject(Path.Combine(directory, "tokenizer.json")) is { } tokenizer)
        {
            if (tokenizer["model"]?["vocab"] is JsonObject vocab)
            {
                size = Math.Max(size, MaxId(vocab) + 1);
            }

            foreach (var added in tokenizer["added_tokens"] as JsonArray ?? [])
            {
                size = Math.Max(size, (added?["id"]?.GetValue<int>() ?? -1) + 1);
            }
        }

        return size;
    }

    private static int MaxId(JsonObject vocab) => vocab.Select(entry => entry.Value?.GetValue<int>() ?? -1).DefaultIfEmpty(-1).Max();

    private static JsonObject? ReadObject(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;
}

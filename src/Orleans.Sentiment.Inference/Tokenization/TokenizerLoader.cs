using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>Finds and loads the tokenizer of a Hugging Face model folder.</summary>
public static class TokenizerLoader
{
    private const int DefaultModelMaxLength = 512;

    public static ITextTokenizer Load(string directory)
    {
        var tokenizerConfig = ReadJson(Path.Combine(directory, "tokenizer_config.json"));
        var maxLength = tokenizerConfig?["model_max_length"]?.GetValue<double>() is { } m && m is > 0 and < 1_000_000
            ? (int)m
            : DefaultModelMaxLength;
        var vocabPath = Path.Combine(directory, "vocab.txt");
        if (File.Exists(vocabPath))
        {
            var lowerCase = tokenizerConfig?["do_lower_case"]?.GetValue<bool>() ?? true;
            return WordPieceTokenizer.FromVocabFile(vocabPath, lowerCase, maxLength);
        }

        throw new ModelFolderException(
            $"Model folder '{directory}' has no tokenizer this runtime reads (looked for vocab.txt).");
    }

    private static JsonNode? ReadJson(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null;
}

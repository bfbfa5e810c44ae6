namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// Finds and loads the tokenizer of a Hugging Face model folder: <c>tokenizer.json</c> when present, else
/// <c>vocab.txt</c> (WordPiece), else <c>vocab.json</c> + <c>merges.txt</c> (byte-level BPE).
/// </summary>
public static class TokenizerLoader
{
    public static ITextTokenizer Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ModelFolderException($"Model folder '{directory}' does not exist.");
        }

        var settings = TokenizerFolderSettings.Read(directory);
        var tokenizerJson = Path.Combine(directory, "tokenizer.json");
        if (File.Exists(tokenizerJson))
        {
            return TokenizerJsonReader.Read(tokenizerJson, settings);
        }

        var vocabTxt = Path.Combine(directory, "vocab.txt");
        if (File.Exists(vocabTxt))
        {
            return VocabularyFilesReader.ReadWordPiece(vocabTxt, settings);
        }

        var vocabJson = Path.Combine(directory, "vocab.json");
        if (File.Exists(vocabJson))
        {
            return VocabularyFilesReader.ReadByteLevelBpe(vocabJson, Path.Combine(directory, "merges.txt"), settings);
        }

        throw new ModelFolderException(
            $"Model folder '{directory}' has no tokenizer: looked for tokenizer.json, vocab.txt (WordPiece) and vocab.json + merges.txt (byte-level BPE).");
    }
}

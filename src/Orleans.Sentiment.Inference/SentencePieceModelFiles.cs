namespace Orleans.Sentiment.Inference;

/// <summary>
/// SentencePiece <c>.model</c> files that slow tokenizers (XLM-R, ALBERT, T5, mDeBERTa) ship. The runtime reads
/// their tokenizer only from tokenizer.json, so a folder that has the .model alone gets advice instead of a bare
/// "no tokenizer".
/// </summary>
public static class SentencePieceModelFiles
{
    public static IReadOnlyList<string> Names { get; } = ["sentencepiece.bpe.model", "spiece.model", "sentencepiece.model", "spm.model"];

    /// <summary>Advice when the folder has a SentencePiece model file but no tokenizer file the runtime reads; else null.</summary>
    public static string? MissingTokenizerJson(string directory)
    {
        var model = Names.FirstOrDefault(name => File.Exists(Path.Combine(directory, name)));
        if (model is null || new[] { "tokenizer.json", "vocab.txt", "vocab.json" }.Any(name => File.Exists(Path.Combine(directory, name))))
        {
            return null;
        }

        return $"Model folder '{directory}' has {model} but no tokenizer.json; SentencePiece .model files are not read. " +
            "Export tokenizer.json next to it once, e.g. with Python transformers: AutoTokenizer.from_pretrained(DIR).save_pretrained(DIR).";
    }
}

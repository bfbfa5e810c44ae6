using System.Globalization;

namespace Orleans.Sentiment.Modeling.Tokenizers;

/// <summary>The tokenizer files of a lower-casing BERT WordPiece model, as Hugging Face writes them.</summary>
public static class WordPieceTokenizerFiles
{
    /// <summary>BERT's special tokens, first in every vocabulary the project builds.</summary>
    public static readonly string[] SpecialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    /// <summary>Writes <c>vocab.txt</c>, <c>tokenizer_config.json</c> and the equivalent <c>tokenizer.json</c>.</summary>
    public static void Write(string directory, IReadOnlyList<string> vocabulary, int maxSequenceLength)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, "vocab.txt"), vocabulary);
        File.WriteAllText(
            Path.Combine(directory, "tokenizer_config.json"),
            string.Create(CultureInfo.InvariantCulture, $"{{\n  \"tokenizer_class\": \"BertTokenizer\",\n  \"do_lower_case\": true,\n  \"model_max_length\": {maxSequenceLength},\n  \"unk_token\": \"[UNK]\",\n  \"cls_token\": \"[CLS]\",\n  \"sep_token\": \"[SEP]\",\n  \"pad_token\": \"[PAD]\",\n  \"mask_token\": \"[MASK]\"\n}}\n"));
        HuggingFaceTokenizerJson.Write(Path.Combine(directory, "tokenizer.json"), vocabulary);
    }
}

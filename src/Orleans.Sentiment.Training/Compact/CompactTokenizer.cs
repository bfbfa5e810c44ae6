using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Training.Compact;

/// <summary>
/// The tokenizer a compact model will be served with: its tokenizer files are written to a scratch folder and
/// loaded by the runtime's own <see cref="TokenizerLoader"/>, so training sees exactly the ids serving will.
/// </summary>
internal static class CompactTokenizer
{
    public static ITextTokenizer Create(IReadOnlyList<string> vocabulary, int maxSequenceLength)
    {
        var scratch = Directory.CreateTempSubdirectory("compact-tokenizer-").FullName;
        try
        {
            Modeling.Tokenizers.WordPieceTokenizerFiles.Write(scratch, vocabulary, maxSequenceLength);
            return TokenizerLoader.Load(scratch);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Training.Compact;

/// <summary>The runtime's WordPiece tokenizer over a compact model's vocabulary, so training sees the ids serving will.</summary>
internal static class CompactTokenizer
{
    public static ITextTokenizer Create(IReadOnlyList<string> vocabulary, int maxSequenceLength) =>
        new WordPieceTokenizer(vocabulary, lowerCase: true, maxSequenceLength);
}

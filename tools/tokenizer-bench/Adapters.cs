using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.TokenizerBench;

/// <summary>The other WordPiece libraries behind <see cref="ITextTokenizer"/>, so one benchmark measures all of them.</summary>
internal static class Adapters
{
    public static async Task<ITextTokenizer> FastBertAsync(string folder)
    {
        var tokenizer = new FastBertTokenizer.BertTokenizer();
        await tokenizer.LoadTokenizerJsonAsync(Path.Combine(folder, "tokenizer.json"));
        return new Delegating(text =>
        {
            var (ids, _, _) = tokenizer.Encode(text, 100_000, null);
            var result = new int[ids.Length];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = (int)ids.Span[i];
            }

            return result;
        });
    }

    public static ITextTokenizer MicrosoftMl(string folder)
    {
        var tokenizer = Microsoft.ML.Tokenizers.BertTokenizer.Create(
            Path.Combine(folder, "vocab.txt"), new Microsoft.ML.Tokenizers.BertOptions { LowerCaseBeforeTokenization = true });
        return new Delegating(text => [.. tokenizer.EncodeToIds(text)]);
    }

    private sealed class Delegating(Func<string, int[]> encode) : ITextTokenizer
    {
        public int PadTokenId => 0;

        public int ModelMaxLength => int.MaxValue;

        public int[] Encode(string text, int? maxLength = null) => encode(text);
    }
}

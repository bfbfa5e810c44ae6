using Orleans.Sentiment.Client.Bench;
using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Tokenization.Tests;

/// <summary>The benchmark's bookkeeping (not its speed: figures come from running it, see docs/tokenizers.md).</summary>
public sealed class TokenizerBenchmarkTests
{
    [Fact]
    public void Run_TwoTexts_CountsEveryTokenOfEveryPass()
    {
        var tokenizer = new FixedLengthTokenizer();

        var result = TokenizerBenchmark.Run(tokenizer, ["one", "three"], TimeSpan.FromMilliseconds(20));

        Assert.Equal(3 + 5, result.TokensPerPass);
        Assert.True(result.Texts >= 2 && result.Texts % 2 == 0);
        Assert.Equal(result.Texts / 2 * result.TokensPerPass, result.Tokens);
        Assert.True(result.Elapsed >= TimeSpan.FromMilliseconds(20));
    }

    [Fact]
    public void Run_NoTexts_Throws()
    {
        Assert.Throws<ArgumentException>(() => TokenizerBenchmark.Run(new FixedLengthTokenizer(), [], TimeSpan.Zero));
    }

    /// <summary>One id per character: the token count of each text is known in advance.</summary>
    private sealed class FixedLengthTokenizer : ITextTokenizer
    {
        public int PadTokenId => 0;

        public int ModelMaxLength => 512;

        public int[] Encode(string text, int? maxLength = null) => new int[text.Length];
    }
}

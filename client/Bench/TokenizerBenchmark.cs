using System.Diagnostics;
using Orleans.Sentiment.Inference.Tokenization;

namespace Orleans.Sentiment.Client.Bench;

/// <summary>Single-thread tokenizer throughput: how many tokens per second <see cref="ITextTokenizer.Encode"/> produces.</summary>
internal static class TokenizerBenchmark
{
    /// <summary>
    /// Encodes <paramref name="texts"/> to warm up, then in passes over all of them on the calling thread until
    /// <paramref name="minimumDuration"/> has passed, counting the ids produced (special tokens included).
    /// </summary>
    public static TokenizerBenchmarkResult Run(ITextTokenizer tokenizer, IReadOnlyList<string> texts, TimeSpan minimumDuration)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            throw new ArgumentException("At least one text is needed to measure a tokenizer.", nameof(texts));
        }

        // Warm up for at least one pass and up to a second, so the JIT's optimised code is what gets measured.
        var warmUp = Stopwatch.StartNew();
        do
        {
            EncodeAll(tokenizer, texts);
        }
        while (warmUp.Elapsed < TimeSpan.FromSeconds(Math.Min(1, minimumDuration.TotalSeconds)));

        long tokens = 0;
        long encoded = 0;
        var fastestPass = TimeSpan.MaxValue;
        long tokensPerPass = 0;
        var cpuStart = ThreadCpuClock.Now();
        var clock = Stopwatch.StartNew();
        do
        {
            var passStart = ThreadCpuClock.Now();
            tokensPerPass = EncodeAll(tokenizer, texts);
            var pass = ThreadCpuClock.Now() - passStart;
            fastestPass = pass < fastestPass ? pass : fastestPass;
            tokens += tokensPerPass;
            encoded += texts.Count;
        }
        while (clock.Elapsed < minimumDuration);

        clock.Stop();
        return new TokenizerBenchmarkResult(encoded, tokens, clock.Elapsed, ThreadCpuClock.Now() - cpuStart, tokensPerPass, fastestPass);
    }

    /// <summary>Measures on the non-empty lines of a text file (one text per line).</summary>
    public static TokenizerBenchmarkResult RunOnFile(ITextTokenizer tokenizer, string path, TimeSpan minimumDuration) =>
        Run(tokenizer, [.. File.ReadLines(path).Where(l => l.Length > 0)], minimumDuration);

    private static long EncodeAll(ITextTokenizer tokenizer, IReadOnlyList<string> texts)
    {
        long tokens = 0;
        foreach (var text in texts)
        {
            tokens += tokenizer.Encode(text).Length;
        }

        return tokens;
    }
}

/// <summary>
/// What one benchmark run measured. <see cref="CpuTime"/> is the measuring thread's processor time; the fastest
/// pass over the texts (by processor time) is kept too: on a machine shared with other work, wall-clock figures
/// measure the neighbours as much as the tokenizer.
/// </summary>
internal sealed record TokenizerBenchmarkResult(long Texts, long Tokens, TimeSpan Elapsed, TimeSpan CpuTime, long TokensPerPass, TimeSpan FastestPassCpuTime)
{
    /// <summary>Tokens per wall-clock second over the whole run.</summary>
    public double TokensPerSecond => Tokens / Elapsed.TotalSeconds;

    /// <summary>Tokens per second of the thread's processor time over the whole run.</summary>
    public double TokensPerCpuSecond => Tokens / Math.Max(CpuTime.TotalSeconds, 1e-9);

    /// <summary>Tokens per second of processor time in the fastest pass: what one uncontended core does.</summary>
    public double BestPassTokensPerCpuSecond => TokensPerPass / Math.Max(FastestPassCpuTime.TotalSeconds, 1e-9);

    public double TextsPerSecond => Texts / Elapsed.TotalSeconds;
}

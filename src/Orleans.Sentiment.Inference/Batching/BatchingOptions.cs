namespace Orleans.Sentiment.Inference;

/// <summary>How <see cref="BatchingClassifier"/> gathers texts from concurrent callers into model calls.</summary>
public sealed record BatchingOptions
{
    /// <summary>Most texts in one model call.</summary>
    public int MaxBatchTexts { get; init; } = 64;

    /// <summary>Most padded tokens (texts × longest text's tokens) in one model call.</summary>
    public int MaxBatchTokens { get; init; } = 4096;

    /// <summary>
    /// Most padding a batch may carry, as a fraction of its real tokens, before a longer text is left for a later
    /// call; a batch of fewer than a quarter of <see cref="MaxBatchTexts"/> texts is never cut for padding.
    /// </summary>
    public double MaxPadding { get; init; } = 0.1;

    /// <summary>Texts a batch holds before <see cref="MaxPadding"/> may cut it.</summary>
    public int MinBatchTextsBeforePaddingCut => Math.Max(1, MaxBatchTexts / 4);

    /// <summary>
    /// How long an idle worker waits for more texts after the first arrives, unless the token budget fills
    /// first. Short, so a lone request sees almost no added latency.
    /// </summary>
    public TimeSpan Linger { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Model calls run at the same time.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Most texts waiting; a call that would pass it fails at once with <see cref="InferenceQueueFullException"/>.</summary>
    public int MaxQueuedTexts { get; init; } = 10_000;

    /// <summary>
    /// Most texts one lane (tenant) may have waiting: three quarters of <see cref="MaxQueuedTexts"/>, so a tenant that
    /// floods the queue still leaves room for the others' texts.
    /// </summary>
    public int MaxQueuedTextsPerLane => MaxQueuedTexts - MaxQueuedTexts / 4;

    /// <summary>How long a call may wait and run; then it fails with <see cref="TimeoutException"/> and its queued texts are dropped.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(25);

    /// <summary>Throws naming the <c>Inference:</c> setting when a value cannot work.</summary>
    public void Validate()
    {
        Require(MaxBatchTexts is >= 1 and <= 65_536, "Inference:MaxBatchTexts", "between 1 and 65536", MaxBatchTexts);
        Require(MaxBatchTokens is >= 1 and <= 16_777_216, "Inference:MaxBatchTokens", "between 1 and 16777216", MaxBatchTokens);
        Require(MaxPadding is >= 0 and <= 100, "Inference:MaxPadding", "between 0 and 100 (a fraction of the real tokens)", MaxPadding);
        Require(Linger >= TimeSpan.Zero && Linger <= TimeSpan.FromSeconds(1), "Inference:Linger", "between 00:00:00 and 00:00:01", Linger);
        Require(Workers is >= 1 and <= 256, "Inference:Workers", "between 1 and 256", Workers);
        Require(MaxQueuedTexts >= MaxBatchTexts && MaxQueuedTexts <= 10_000_000, "Inference:MaxQueuedTexts", $"at least Inference:MaxBatchTexts ({MaxBatchTexts}) and at most 10000000", MaxQueuedTexts);
        Require(CallTimeout > TimeSpan.Zero && CallTimeout <= TimeSpan.FromHours(1), "Inference:CallTimeout", "more than zero and at most 01:00:00", CallTimeout);
    }

    private static void Require(bool ok, string setting, string rule, object value)
    {
        if (!ok)
        {
            throw new ArgumentException($"{setting} must be {rule}; it is {value}.");
        }
    }
}

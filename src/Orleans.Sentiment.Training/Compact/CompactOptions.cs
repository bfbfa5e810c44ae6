namespace Orleans.Sentiment.Training.Compact;

/// <summary>Hyper-parameters of the compact (fastText-style) engine.</summary>
public sealed record CompactOptions
{
    /// <summary>Width of the averaged token/bigram embedding.</summary>
    public int Dimensions { get; init; } = 32;

    /// <summary>Hash buckets for word bigrams; 0 turns bigrams off.</summary>
    public int BigramBuckets { get; init; } = 1 << 18;

    /// <summary>Most epochs to run (early stopping usually ends sooner); null chooses by data size, see <see cref="Schedule"/>.</summary>
    public int? Epochs { get; init; }

    /// <summary>Epochs without a better validation score before training stops.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Starting SGD learning rate, decaying linearly to zero; null chooses by data size, see <see cref="Schedule"/>.</summary>
    public float? LearningRate { get; init; }

    /// <summary>Words seen fewer times become subword pieces instead of vocabulary entries.</summary>
    public int MinWordCount { get; init; } = 2;

    /// <summary>Largest number of whole words in the vocabulary.</summary>
    public int MaxWords { get; init; } = 100_000;

    /// <summary>Word-continuation pieces (<c>##ing</c>) added so unseen words still map to known pieces.</summary>
    public int SubwordPieces { get; init; } = 3_000;

    /// <summary>
    /// Weights single-label examples by the inverse square root of their label's frequency, so rare labels
    /// count for more; helps macro-F1 on skewed data.
    /// </summary>
    public bool BalanceLabels { get; init; } = true;

    /// <summary>Seed for initialisation, shuffling and the validation split: same seed, same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Fraction of the training data held out for early stopping when no validation set is given.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Longest token sequence, special tokens included (the runtime truncates the same way).</summary>
    public int MaxSequenceLength { get; init; } = 512;

    public void Validate()
    {
        Require(Dimensions is >= 1 and <= 1024, nameof(Dimensions), "must be between 1 and 1024");
        Require(BigramBuckets is >= 0 and <= 1 << 24, nameof(BigramBuckets), "must be between 0 and 16777216");
        Require(Epochs is null or (>= 1 and <= 1000), nameof(Epochs), "must be between 1 and 1000");
        Require(Patience >= 1, nameof(Patience), "must be at least 1");
        Require(LearningRate is null or (> 0 and <= 10), nameof(LearningRate), "must be greater than 0 and at most 10");
        Require(MinWordCount >= 1, nameof(MinWordCount), "must be at least 1");
        Require(MaxWords >= 1, nameof(MaxWords), "must be at least 1");
        Require(SubwordPieces >= 0, nameof(SubwordPieces), "must not be negative");
        Require(ValidationFraction is > 0 and < 1, nameof(ValidationFraction), "must be between 0 and 1");
        Require(MaxSequenceLength >= 3, nameof(MaxSequenceLength), "must be at least 3");
    }

    /// <summary>
    /// Learning rate, epochs and patience for a training set of <paramref name="examples"/> rows. Unset values
    /// follow what measured well: 0.1 and 15 epochs from 5,000 rows up; smaller sets get a larger rate
    /// (0.1 × 5000/n, at most 1), more epochs (15 × √(5000/n), at most 60) and patience of at least 5, because
    /// with few updates per epoch SGD otherwise stalls on the majority label.
    /// </summary>
    public (float LearningRate, int Epochs, int Patience) Schedule(int examples)
    {
        var scale = 5000.0 / Math.Max(1, examples);
        if (scale <= 1)
        {
            return (LearningRate ?? 0.1f, Epochs ?? 15, Patience);
        }

        return (
            LearningRate ?? (float)Math.Min(1.0, 0.1 * scale),
            Epochs ?? (int)Math.Min(60, Math.Ceiling(15 * Math.Sqrt(scale))),
            Epochs is null ? Math.Max(Patience, 5) : Patience);
    }

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"CompactOptions.{setting} {rule}.", setting);
        }
    }
}

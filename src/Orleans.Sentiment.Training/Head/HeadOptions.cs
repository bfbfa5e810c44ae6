namespace Orleans.Sentiment.Training.Head;

/// <summary>Settings of <c>--method head</c>: a classifier trained on a frozen pretrained encoder's mean-pooled embeddings.</summary>
public sealed record HeadOptions
{
    /// <summary>Most epochs over the embeddings; early stopping on validation macro-F1 usually ends sooner.</summary>
    public int Epochs { get; init; } = 60;

    public int Patience { get; init; } = 10;

    public int BatchSize { get; init; } = 32;

    /// <summary>AdamW step size.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    public float WeightDecay { get; init; } = 1e-2f;

    /// <summary>Width of one ReLU hidden layer (<c>pre_classifier</c>) before the classifier; 0 trains a linear (logistic-regression) head.</summary>
    public int HiddenSize { get; init; }

    /// <summary>Longest token sequence embedded (special tokens included).</summary>
    public int MaxLength { get; init; } = 128;

    /// <summary>Weight examples by 1/sqrt(label frequency) (single-label data).</summary>
    public bool BalanceLabels { get; init; } = true;

    /// <summary>Most training examples embedded and trained on (a seeded sample); null: all.</summary>
    public int? MaxExamples { get; init; }

    public int Seed { get; init; } = 42;

    public double ValidationFraction { get; init; } = 0.1;

    public void Validate()
    {
        Require(Epochs > 0, nameof(Epochs), "must be positive");
        Require(Patience > 0, nameof(Patience), "must be positive");
        Require(BatchSize > 0, nameof(BatchSize), "must be positive");
        Require(LearningRate > 0, nameof(LearningRate), "must be positive");
        Require(WeightDecay >= 0, nameof(WeightDecay), "must not be negative");
        Require(HiddenSize >= 0, nameof(HiddenSize), "must not be negative");
        Require(MaxLength >= 3, nameof(MaxLength), "must leave room for text between the special tokens");
        Require(MaxExamples is null or > 0, nameof(MaxExamples), "must be positive");
        Require(ValidationFraction is > 0 and < 1, nameof(ValidationFraction), "must be between 0 and 1");
    }

    private static void Require(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{nameof(HeadOptions)}.{setting} {problem}.");
        }
    }
}

namespace Orleans.Sentiment.Training.Lora;

/// <summary>
/// Settings of <c>--method lora</c>, with the defaults of PEFT's <c>LoraConfig(task_type=SEQ_CLS)</c> (r 8, alpha 16,
/// dropout 0.1, query/value) and an AdamW schedule with linear warm-up and decay over a planned number of steps.
/// </summary>
public sealed record LoraOptions
{
    public int Rank { get; init; } = 8;

    /// <summary>The update is scaled by Alpha / Rank.</summary>
    public double Alpha { get; init; } = 16;

    /// <summary>Dropout applied to the input of each LoRA branch while training.</summary>
    public double Dropout { get; init; } = 0.1;

    /// <summary>Linear modules that get a LoRA branch, matched as PEFT does (the module's name or its last parts); null: the family's query and value projections.</summary>
    public IReadOnlyList<string>? TargetModules { get; init; }

    /// <summary>Hand-picked epochs (validation after each); null: the run is planned by steps (<see cref="StepPlan"/>).</summary>
    public int? Epochs { get; init; }

    /// <summary>
    /// From this many training examples the default is one epoch: the learning rate then decays to zero within it, as
    /// in the one-epoch SST-2 recipe, and 65,349 SST-2 rows take about 8 minutes per epoch on 2 cores.
    /// </summary>
    public const int LargeDataExamples = 20_000;

    /// <summary>Fewest steps a planned run makes, however small the data: about 300 were needed to fit a few hundred examples.</summary>
    public int MinSteps { get; init; } = 300;

    /// <summary>Most steps a planned run makes (below <see cref="LargeDataExamples"/> examples).</summary>
    public int MaxSteps { get; init; } = 3000;

    /// <summary>Validation scorings spread over a planned run.</summary>
    public int Evaluations { get; init; } = 20;

    /// <summary>Validation scorings without a better macro-F1 before stopping.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>
    /// A refit: run exactly this many steps of the plan and keep the last weights, with no validation scoring (the
    /// length was chosen by an earlier run's validation); null: score and keep the best checkpoint.
    /// </summary>
    public int? FixedSteps { get; init; }

    /// <summary>Training stops after this long and keeps the best checkpoint so far; null: no limit.</summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>What the head reads: the first token (the family's pooler) or the mean of all tokens.</summary>
    public HeadPooling Pooling { get; init; } = HeadPooling.Mean;

    /// <summary>Weight the loss by 1/sqrt(label frequency) (single-label data), as the head and compact engines do.</summary>
    public bool BalanceLabels { get; init; } = true;

    public int BatchSize { get; init; } = 32;

    /// <summary>Peak AdamW learning rate, reached after the warm-up and decayed linearly to 0; null: <see cref="LearningRateFor"/>.</summary>
    public double? LearningRate { get; init; }

    /// <summary>Default peak rate of one-epoch runs over <see cref="LargeDataExamples"/> examples or more (the SST-2 recipe).</summary>
    public const double LargeDataLearningRate = 2e-3;

    /// <summary>Default peak rate of planned runs over a few hundred to 20,000 examples: on 307 van Vliet rows it scored better than 2e-3 (docs/training.md).</summary>
    public const double SmallDataLearningRate = 1e-3;

    /// <summary>Below this many training examples (a few dozen, the few-shot case) the default peak rate is <see cref="LargeDataLearningRate"/> again: at 16 per label it scored better than 1e-3.</summary>
    public const int FewShotExamples = 100;

    /// <summary>The peak learning rate a run over <paramref name="examples"/> training examples uses.</summary>
    public double LearningRateFor(int examples) =>
        LearningRate ?? (examples is >= LargeDataExamples or < FewShotExamples ? LargeDataLearningRate : SmallDataLearningRate);

    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Fraction of all steps spent warming the learning rate up from 0.</summary>
    public double WarmupRatio { get; init; } = 0.06;

    /// <summary>Longest token sequence (special tokens included); longer texts are truncated.</summary>
    public int MaxLength { get; init; } = 128;

    /// <summary>Most training examples (a seeded sample); null: all.</summary>
    public int? MaxExamples { get; init; }

    /// <summary>Most validation examples scored after each epoch (a seeded, stratified sample).</summary>
    public int MaxValidationExamples { get; init; } = 2000;

    public double ValidationFraction { get; init; } = 0.1;

    public int Seed { get; init; } = 42;

    /// <summary>CPU threads for libtorch; 0: all cores.</summary>
    public int Threads { get; init; }

    public double Scaling => Alpha / Rank;

    public void Validate()
    {
        Require(Rank > 0, "--lora-r", "must be positive");
        Require(Alpha > 0, "--lora-alpha", "must be positive");
        Require(Dropout is >= 0 and < 1, "--lora-dropout", "must be at least 0 and below 1");
        Require(Epochs is null or > 0, "--epochs", "must be positive");
        Require(Patience > 0, "--patience", "must be positive");
        Require(MinSteps > 0 && MaxSteps >= MinSteps, "steps", "need 0 < MinSteps <= MaxSteps");
        Require(FixedSteps is null or > 0, "fixed steps", "must be positive");
        Require(Evaluations > 0, "evaluations", "must be positive");
        Require(MaxDuration is null || MaxDuration > TimeSpan.Zero, "max duration", "must be positive");
        Require(BatchSize > 0, "--batch-size", "must be positive");
        Require(LearningRate is null or > 0, "--learning-rate", "must be positive");
        Require(WeightDecay >= 0, "weight decay", "must not be negative");
        Require(WarmupRatio is >= 0 and < 1, "warm-up ratio", "must be at least 0 and below 1");
        Require(MaxLength >= 3, "--max-length", "must leave room for text between the special tokens");
        Require(MaxExamples is null or > 0, "--max-examples", "must be positive");
        Require(MaxValidationExamples > 0, "validation examples", "must be positive");
        Require(Threads >= 0, "threads", "must not be negative");
        Require(TargetModules is null || TargetModules.Count > 0, "--lora-targets", "must name at least one module");
    }

    private static void Require(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{setting} {problem}.");
        }
    }
}

namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>How synthetic weights are drawn. The defaults follow Hugging Face's <c>_init_weights</c>.</summary>
public sealed record SynthInitialization
{
    public int Seed { get; init; } = 42;

    /// <summary>Standard deviation of Linear and Embedding weights (Hugging Face initializer_range, 0.02).</summary>
    public double WeightStandardDeviation { get; init; } = 0.02;

    /// <summary>
    /// False (Hugging Face): biases 0, LayerNorm weight 1 and bias 0. True: those are random too, so a test
    /// comparing two implementations notices a bias or LayerNorm parameter that one of them ignores.
    /// </summary>
    public bool RandomizeBiasesAndNorms { get; init; }
}

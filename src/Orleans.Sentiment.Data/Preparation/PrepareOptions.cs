namespace Orleans.Sentiment.Data.Preparation;

/// <summary>Settings of one <see cref="DatasetPreparer"/> run; <see cref="Validate"/> names the bad setting.</summary>
public sealed record PrepareOptions
{
    public string TextColumn { get; init; } = "text";

    public string LabelColumn { get; init; } = "label";

    /// <summary>Warn when the largest class has more than this many times the rows of the smallest.</summary>
    public double MaxImbalance { get; init; } = 3.0;

    public BalanceMode Balance { get; init; } = BalanceMode.None;

    public int Seed { get; init; } = 42;

    public SplitFractions Split { get; init; } = SplitFractions.Default;

    public OutputFormat Format { get; init; } = OutputFormat.SameAsInput;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(TextColumn))
        {
            throw new ArgumentException("--text-column must name a column.");
        }

        if (string.IsNullOrWhiteSpace(LabelColumn))
        {
            throw new ArgumentException("--label-column must name a column.");
        }

        if (!(MaxImbalance >= 1))
        {
            throw new ArgumentException($"--max-imbalance {MaxImbalance}: must be at least 1.");
        }

        Split.Validate();
    }
}

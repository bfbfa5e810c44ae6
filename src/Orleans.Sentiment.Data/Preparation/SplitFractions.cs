using System.Globalization;

namespace Orleans.Sentiment.Data.Preparation;

/// <summary>Shares of the cleaned rows that go to train, validation and test; they sum to 1.</summary>
public sealed record SplitFractions(double Train, double Validation, double Test)
{
    public static SplitFractions Default { get; } = new(0.8, 0.1, 0.1);

    /// <summary>Parses "0.8,0.1,0.1" (three non-negative numbers summing to 1, train above 0).</summary>
    public static SplitFractions Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        if (parts.Length != 3 || !parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).All(ok => ok))
        {
            throw new ArgumentException($"--split '{text}': expected three numbers such as 0.8,0.1,0.1 (train, validation, test).");
        }

        var fractions = new SplitFractions(values[0], values[1], values[2]);
        fractions.Validate();
        return fractions;
    }

    public void Validate()
    {
        if (Train <= 0 || Validation < 0 || Test < 0 || Math.Abs(Train + Validation + Test - 1) > 1e-6)
        {
            throw new ArgumentException($"--split {this}: shares must be non-negative, train above 0, and sum to 1.");
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Train},{Validation},{Test}");
}

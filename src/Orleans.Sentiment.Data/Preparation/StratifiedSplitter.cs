namespace Orleans.Sentiment.Data.Preparation;

/// <summary>
/// Splits rows into train, validation and test with each label's share kept in every part. Rows of each label
/// are shuffled with the seed, then cut by the fractions (rounded, at least one row kept for training); each
/// part keeps the input order, so the same seed always gives the same files.
/// </summary>
public static class StratifiedSplitter
{
    public static DataSplit Split(IReadOnlyList<LabelledRow> rows, SplitFractions fractions, int seed)
    {
        var random = new Random(seed);
        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        var byLabel = Enumerable.Range(0, rows.Count)
            .GroupBy(i => rows[i].Label, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byLabel)
        {
            var indexes = group.ToArray();
            random.Shuffle(indexes);
            var validationCount = (int)Math.Round(indexes.Length * fractions.Validation, MidpointRounding.AwayFromZero);
            var testCount = (int)Math.Round(indexes.Length * fractions.Test, MidpointRounding.AwayFromZero);
            // A class too small to share still gets taught: the held-out parts give way first.
            while (validationCount + testCount >= indexes.Length && validationCount + testCount > 0)
            {
                if (testCount >= validationCount) testCount--; else validationCount--;
            }

            validation.AddRange(indexes.Take(validationCount));
            test.AddRange(indexes.Skip(validationCount).Take(testCount));
            train.AddRange(indexes.Skip(validationCount + testCount));
        }

        return new DataSplit(InOrder(rows, train), InOrder(rows, validation), InOrder(rows, test));
    }

    private static List<LabelledRow> InOrder(IReadOnlyList<LabelledRow> rows, List<int> indexes)
    {
        indexes.Sort();
        return indexes.ConvertAll(i => rows[i]);
    }
}

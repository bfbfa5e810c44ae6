using Orleans.Sentiment.Data.Preparation;

namespace Orleans.Sentiment.Data.Tests.Preparation;

/// <summary>Builds labelled rows for tests: <c>count</c> rows of each label with distinct texts.</summary>
internal static class Rows
{
    public static List<LabelledRow> Of(params (string Label, int Count)[] classes)
    {
        var rows = new List<LabelledRow>();
        var line = 1;
        foreach (var (label, count) in classes)
        {
            for (var i = 0; i < count; i++)
            {
                line++;
                rows.Add(new LabelledRow(line, null, $"{label} comment {i}", label));
            }
        }

        return rows;
    }
}

using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Data.Tests;

public sealed class SharedDataReadingTests
{
    [SharedDataFact]
    public void Read_Sst2Validation_AllRowsValidWithLabelsAndLineNumbers()
    {
        var path = Path.Combine(TestPaths.SharedData!, "sst2", "validation.tsv");

        var rows = InputFileReader.Read(path, new InputFileOptions { TextColumn = "sentence", LabelColumn = "label" }).ToList();

        Assert.Equal(2000, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid, r.Error));
        Assert.Equal(Enumerable.Range(2, 2000), rows.Select(r => r.Line));
        Assert.Equal(871, rows.Count(r => r.Label == "0"));
    }
}

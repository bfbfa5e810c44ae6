using Orleans.Sentiment.Data.Preparation;

namespace Orleans.Sentiment.Data.Tests.Preparation;

public sealed class RowCleanerTests
{
    private static InputRow Row(int line, string? text, string? label = "positive") => new(line, null, text, label);

    [Fact]
    public void Clean_NullTextAndNullMarkers_DroppedAsNullText()
    {
        var result = RowCleaner.Clean([Row(2, null), Row(3, "NaN"), Row(4, " null "), Row(5, "N/A"), Row(6, "kept")]);

        Assert.Equal(4, result.Dropped[DropRule.NullText]);
        Assert.Equal(["kept"], result.Rows.Select(r => r.Text));
    }

    [Fact]
    public void Clean_EmptyOrWhitespaceText_DroppedAsEmptyText()
    {
        var result = RowCleaner.Clean([Row(2, ""), Row(3, "   \t "), Row(4, "kept")]);

        Assert.Equal(2, result.Dropped[DropRule.EmptyText]);
        Assert.Single(result.Rows);
    }

    [Fact]
    public void Clean_MissingOrNullLabel_DroppedAsMissingLabel()
    {
        var result = RowCleaner.Clean([Row(2, "a", null), Row(3, "b", " "), Row(4, "c", "None"), Row(5, "d", "negative")]);

        Assert.Equal(3, result.Dropped[DropRule.MissingLabel]);
        Assert.Equal(["d"], result.Rows.Select(r => r.Text));
    }

    [Fact]
    public void Clean_SameTextAfterTrimming_DroppedAsExactDuplicateKeepingFirst()
    {
        var result = RowCleaner.Clean([Row(2, "Great app"), Row(3, "  Great app "), Row(4, "Great app", "negative")]);

        Assert.Equal(2, result.Dropped[DropRule.ExactDuplicate]);
        Assert.Equal(0, result.Dropped[DropRule.FoldedDuplicate]);
        var kept = Assert.Single(result.Rows);
        Assert.Equal((2, "positive"), (kept.Line, kept.Label));
        Assert.Equal(1, result.DuplicatesWithOtherLabel);
    }

    [Fact]
    public void Clean_SameTextAfterCaseAndWhitespaceFolding_DroppedAsFoldedDuplicate()
    {
        var result = RowCleaner.Clean([Row(2, "Great  app!"), Row(3, "great app!"), Row(4, "GREAT\tAPP!"), Row(5, "great app")]);

        Assert.Equal(2, result.Dropped[DropRule.FoldedDuplicate]);
        Assert.Equal(["Great  app!", "great app"], result.Rows.Select(r => r.Text));
    }

    [Fact]
    public void Clean_MalformedRows_CountedWithLineNumbersNotDropped()
    {
        var result = RowCleaner.Clean([Row(2, "ok"), new InputRow(7, null, null, null, "expected 2 fields, found 3"), new InputRow(9, null, null, null, "invalid JSON")]);

        Assert.Equal([7, 9], result.Malformed.Select(m => m.Line));
        Assert.Equal("expected 2 fields, found 3", result.Malformed[0].Error);
        Assert.Equal(0, result.DroppedTotal);
        Assert.Equal(3, result.RecordsRead);
    }

    [Fact]
    public void Clean_KeptRow_IsTrimmedAndKeepsLineAndId()
    {
        var result = RowCleaner.Clean([new InputRow(4, " 17 ", "  hello there \n", " positive ")]);

        Assert.Equal(new LabelledRow(4, "17", "hello there", "positive"), Assert.Single(result.Rows));
    }
}

namespace Orleans.Sentiment.Data.Tests;

public sealed class InputFileReaderTests : TempDirectory
{
    private static readonly InputFileOptions Labelled = new() { LabelColumn = "label" };

    [Fact]
    public void Read_CsvWithQuotedLineBreak_ReportsLineWhereRecordStarts()
    {
        var path = WriteFile("multi.csv", "text,label\n\"first line\nsecond line\",a\nplain,b\n\nafter blank,c\n");

        var rows = InputFileReader.Read(path, Labelled).ToList();

        Assert.Equal([2, 4, 6], rows.Select(r => r.Line));
        Assert.Equal("first line\nsecond line", rows[0].Text);
        Assert.All(rows, r => Assert.True(r.IsValid));
    }

    [Fact]
    public void Read_CsvWithCrLfAndBlankLines_CountsEveryPhysicalLine()
    {
        var path = WriteFile("crlf.csv", "text,label\r\none,a\r\n\r\n\r\n\"two\r\nlines\",b\r\nthree,c");

        var rows = InputFileReader.Read(path, Labelled).ToList();

        Assert.Equal([2, 5, 7], rows.Select(r => r.Line));
        Assert.All(rows, r => Assert.True(r.IsValid));
    }

    [Fact]
    public void Read_CsvWithStrayQuoteInQuotedField_ReportsMalformedRowAtItsLine()
    {
        var path = WriteFile("quote.csv", "text,label\nok,a\n\"bad \"quote\" here\",b\nfine,c\n");

        var rows = InputFileReader.Read(path, Labelled).ToList();

        var bad = Assert.Single(rows, r => !r.IsValid);
        Assert.Equal(3, bad.Line);
        Assert.Contains("quot", bad.Error);
        Assert.Equal(["ok", "fine"], rows.Where(r => r.IsValid).Select(r => r.Text));
    }

    [Fact]
    public void Read_CsvWithUnterminatedQuote_ReportsStartLineAndSwallowedLines()
    {
        var path = WriteFile("open.csv", "text,label\nok,a\n\"never closed,b\nnext,c\nlast,d\n");

        var rows = InputFileReader.Read(path, Labelled).ToList();

        var bad = Assert.Single(rows, r => !r.IsValid);
        Assert.Equal(3, bad.Line);
        Assert.Contains("lines 3-5", bad.Error);
    }

    [Fact]
    public void Read_CsvRowWithWrongFieldCount_ReportsItWithLineNumber()
    {
        var path = WriteFile("fields.csv", "text,label\nok,a\ntoo,many,fields\nfine,b\n");

        var rows = InputFileReader.Read(path, Labelled).ToList();

        var bad = Assert.Single(rows, r => !r.IsValid);
        Assert.Equal(3, bad.Line);
        Assert.Equal("expected 2 fields, found 3", bad.Error);
    }

    [Fact]
    public void Read_TsvWithQuotes_KeepsQuotesAsText()
    {
        var path = WriteFile("sst.tsv", "sentence\tlabel\nit 's \"fine\" , really \t1\n");

        var row = Assert.Single(InputFileReader.Read(path, new InputFileOptions { TextColumn = "sentence", LabelColumn = "label" }));

        Assert.Equal("it 's \"fine\" , really ", row.Text);
        Assert.Equal("1", row.Label);
    }

    [Fact]
    public void Read_CsvColumnsInAnyCase_FindsTextLabelAndId()
    {
        var path = WriteFile("case.csv", "ID,Comment,Sentiment\n7,hello,positive\n");

        var row = Assert.Single(InputFileReader.Read(path, new InputFileOptions { TextColumn = "comment", LabelColumn = "sentiment" }));

        Assert.Equal(("7", "hello", "positive"), (row.Id, row.Text, row.Label));
    }

    [Fact]
    public void Read_CsvWithoutTextColumn_ThrowsNamingColumns()
    {
        var path = WriteFile("cols.csv", "body,label\nx,y\n");

        var error = Assert.Throws<InputFileException>(() => InputFileReader.Read(path, Labelled).ToList());

        Assert.Contains("no column 'text'", error.Message);
        Assert.Contains("body, label", error.Message);
    }

    [Fact]
    public void Read_JsonLinesWithBadRows_ReportsEachWithItsLine()
    {
        var path = WriteFile("rows.jsonl", string.Join('\n',
            """{"text": "good", "label": "positive", "id": 12}""",
            "",
            """{"text": 5}""",
            """{"label": "x"}""",
            "not json",
            "[1, 2]",
            """{"text": null, "label": "neutral"}""",
            """{"text": "multi", "label": ["bug report", "billing"]}"""));

        var rows = InputFileReader.Read(path, Labelled).ToList();

        Assert.Equal([1, 3, 4, 5, 6, 7, 8], rows.Select(r => r.Line));
        Assert.Equal(("12", "good", "positive"), (rows[0].Id, rows[0].Text, rows[0].Label));
        Assert.Contains("is a number", rows[1].Error);
        Assert.Contains("missing field 'text'", rows[2].Error);
        Assert.Contains("invalid JSON", rows[3].Error);
        Assert.Equal("expected a JSON object", rows[4].Error);
        Assert.True(rows[5].IsValid);
        Assert.Null(rows[5].Text);
        Assert.Equal("bug report|billing", rows[6].Label);
    }

    [Fact]
    public void Read_TextFile_YieldsEveryLineInOrder()
    {
        var path = WriteFile("lines.txt", "one\n\nthree\n");

        var rows = InputFileReader.Read(path).ToList();

        Assert.Equal(["one", "", "three"], rows.Select(r => r.Text));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Line));
    }

    [Fact]
    public void FormatOf_UnknownExtension_ThrowsNamingIt()
    {
        var error = Assert.Throws<InputFileException>(() => InputFileReader.FormatOf("data.xlsx"));

        Assert.Contains("'.xlsx'", error.Message);
    }
}

namespace Orleans.Sentiment.Data.Tests;

public sealed class InputFileExtraColumnsTests : TempDirectory
{
    private static readonly InputFileOptions WithTime = new() { ExtraColumns = ["created", "airline"] };

    [Fact]
    public void Read_CsvWithExtraColumns_HandsOverTheirValuesByName()
    {
        var path = WriteFile("extra.csv", "airline,text,created\nDelta,late again,2015-02-24 11:15:59 -0800\n");

        var row = Assert.Single(InputFileReader.Read(path, WithTime));

        Assert.Equal("2015-02-24 11:15:59 -0800", row.Fields["created"]);
        Assert.Equal("Delta", row.Fields["airline"]);
        Assert.Equal("late again", row.Text);
    }

    [Fact]
    public void Read_CsvWithoutAnExtraColumn_FailsNamingIt()
    {
        var path = WriteFile("missing.csv", "text,airline\nlate again,Delta\n");

        var error = Assert.Throws<InputFileException>(() => InputFileReader.Read(path, WithTime).ToList());

        Assert.Contains("no column 'created'", error.Message);
    }

    [Fact]
    public void Read_JsonlWithExtraFields_HandsOverValuesAndNullWhereAbsent()
    {
        var path = WriteFile("extra.jsonl", """{"text":"late","created":"2015-02-24T11:15:59Z","airline":"Delta"}""" + "\n" + """{"text":"fine"}""" + "\n");

        var rows = InputFileReader.Read(path, WithTime).ToList();

        Assert.Equal("2015-02-24T11:15:59Z", rows[0].Fields["created"]);
        Assert.Equal("Delta", rows[0].Fields["airline"]);
        Assert.Null(rows[1].Fields["created"]);
    }
}

using Orleans.Sentiment.Client.Replay;
using Orleans.Sentiment.Data;

namespace Orleans.Sentiment.Tests.Client.Replay;

public sealed class ReplayPlanTests
{
    private static readonly ReplayColumns ByAirline = new("created", IdColumn: null, Source: null, SourceColumn: "airline");

    [Fact]
    public void Build_RowsOutOfOrder_SortedByTimeKeepingFileOrderForEqualTimes()
    {
        var plan = ReplayPlan.Build("f.csv",
        [
            Row(2, "third", "2015-02-24 11:00:00 -0800"),
            Row(3, "first", "2015-02-24 09:00:00 -0800"),
            Row(4, "second a", "2015-02-24T18:00:00Z"),
            Row(5, "second b", "2015-02-24 10:00:00 -0800"),
        ], ByAirline, "text");

        Assert.Empty(plan.Problems);
        Assert.Equal(["first", "second a", "second b", "third"], plan.Comments.Select(c => c.Text));
    }

    [Fact]
    public void Build_NoIdColumn_RepeatedTextsGetDistinctIdsStableAcrossRuns()
    {
        InputRow[] rows = [Row(2, "same tweet", "2015-02-24T10:00:00Z"), Row(3, "same tweet", "2015-02-24T10:00:00Z")];

        var first = ReplayPlan.Build("tweets.csv", rows, ByAirline, "text");
        var again = ReplayPlan.Build("tweets.csv", rows, ByAirline, "text");

        Assert.Equal(["tweets.csv:2", "tweets.csv:3"], first.Comments.Select(c => c.Id));
        Assert.Equal(first.Comments.Select(c => c.Id), again.Comments.Select(c => c.Id));
    }

    [Fact]
    public void Build_IdColumnRepeatsWithinASource_AProblemNamingBothLines()
    {
        var columns = ByAirline with { IdColumn = "tweet_id" };
        InputRow[] rows =
        [
            Row(2, "a", "2015-02-24T10:00:00Z", id: "57"),
            Row(3, "b", "2015-02-24T10:00:00Z", id: "57", airline: "United"),
            Row(4, "c", "2015-02-24T10:00:00Z", id: "57"),
        ];

        var plan = ReplayPlan.Build("f.csv", rows, columns, "text");

        var problem = Assert.Single(plan.Problems);
        Assert.StartsWith("f.csv:4: column 'tweet_id': id '57' repeats line 2's", problem);
    }

    [Fact]
    public void Build_BadTimeOrSource_ProblemsNamingLineAndColumn()
    {
        var plan = ReplayPlan.Build("f.csv",
        [
            Row(2, "fine", "2015-02-24T10:00:00Z"),
            Row(3, "no time", "last Tuesday"),
            Row(4, "no source", "2015-02-24T10:00:00Z", airline: "?!"),
            Row(5, "", "2015-02-24T10:00:00Z"),
            new InputRow(6, null, null, null, "expected 3 fields, found 4"),
        ], ByAirline, "text");

        Assert.Equal(
        [
            "f.csv:3: column 'created': 'last Tuesday' is not a time (" + ReplayTimestamps.Expected + ")",
            "f.csv:4: column 'airline': '?!' gives no source id (letters, digits, '.', '_' or '-')",
            "f.csv:5: column 'text' is empty",
            "f.csv:6: expected 3 fields, found 4",
        ], plan.Problems);
    }

    [Fact]
    public void Build_SourceColumn_EachRowToItsAirlinesSource()
    {
        var plan = ReplayPlan.Build("f.csv", [Row(2, "a", "2015-02-24T10:00:00Z", airline: "Virgin America"), Row(3, "b", "2015-02-24T11:00:00Z", airline: "Delta")], ByAirline, "text");

        Assert.Equal(["virgin-america", "delta"], plan.Comments.Select(c => c.Source));
    }

    private static InputRow Row(int line, string text, string created, string? id = null, string airline = "Delta") =>
        new(line, null, text, null) { Fields = new Dictionary<string, string?> { ["created"] = created, ["airline"] = airline, ["tweet_id"] = id } };
}

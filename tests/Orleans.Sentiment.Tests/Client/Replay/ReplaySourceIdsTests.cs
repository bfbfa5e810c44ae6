using Orleans.Sentiment.Client.Replay;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Tests.Client.Replay;

public sealed class ReplaySourceIdsTests
{
    [Theory]
    [InlineData("Virgin America", "virgin-america")]
    [InlineData("US Airways", "us-airways")]
    [InlineData("Café & Bar", "cafe-bar")]
    [InlineData("  .hidden name ", "hidden-name")]
    [InlineData("app_store.v2", "app_store.v2")]
    public void FromValue_Name_AValidSourceId(string value, string expected)
    {
        var id = ReplaySourceIds.FromValue(value);

        Assert.Equal(expected, id);
        Assert.True(SourceKey.IsValidId(id));
    }

    [Fact]
    public void FromValue_LongName_CutToTheSilosLimit()
    {
        var id = ReplaySourceIds.FromValue(new string('a', 100));

        Assert.Equal(ReplaySourceIds.MaxLength, id!.Length);
        Assert.True(SourceKey.IsValidId(id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("!!")]
    [InlineData("...")]
    public void FromValue_NothingUsable_Null(string? value) => Assert.Null(ReplaySourceIds.FromValue(value));

    [Theory]
    [InlineData("app-store", true)]
    [InlineData(".hidden", false)]
    [InlineData("two words", false)]
    public void IsValid_AgreesWithTheSilosRule(string id, bool valid)
    {
        Assert.Equal(valid, ReplaySourceIds.IsValid(id));
        Assert.Equal(SourceKey.IsValidId(id), ReplaySourceIds.IsValid(id));
    }
}

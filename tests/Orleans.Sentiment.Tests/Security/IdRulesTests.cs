using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Tests.Security;

public sealed class IdRulesTests
{
    [Theory]
    [InlineData("acme\n")]
    [InlineData("acme\r\n")]
    [InlineData("...")]
    [InlineData(".hidden")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("acme%0A")]
    public void SourceKeyIsValidId_TrailingNewlineOrLeadingDot_False(string id) => Assert.False(SourceKey.IsValidId(id));

    [Theory]
    [InlineData("acme")]
    [InlineData("app-store.v2_eu")]
    [InlineData("a.")]
    public void SourceKeyIsValidId_PlainIds_True(string id) => Assert.True(SourceKey.IsValidId(id));

    [Theory]
    [InlineData("plain text", false)]
    [InlineData(" \t\r\n", true)]
    [InlineData("\u0000\u200b\ufeff\u200d\u2060", true)]
    [InlineData("\u200b x", false)]
    [InlineData("😀", false)]
    public void TextContentIsBlank_Text_TellsWhetherAnythingIsLeft(string text, bool blank) => Assert.Equal(blank, TextContent.IsBlank(text));

    [Fact]
    public void ErrorList_BodyError_IsListedFirstEvenWhenFull()
    {
        var errors = new ErrorList();
        for (var i = 0; i < 30; i++)
        {
            errors.Add($"[{i}]", "bad");
        }

        errors.Add("body", "too many");

        Assert.Equal(ErrorList.MaxEntries, errors.Entries.Count);
        Assert.Equal("body", errors.Entries.Keys.First());
        Assert.Equal(31, errors.Total);
    }
}

namespace Orleans.Sentiment.Themes.Tests;

public sealed class EmbeddingTextTests
{
    [Theory]
    [InlineData("@united my bag is lost http://t.co/abc", "my bag is lost")]
    [InlineData("RT @delta:  flight   delayed www.delta.com again", "RT flight delayed again")]
    [InlineData("no handles here", "no handles here")]
    public void Of_Comment_LeavesOutHandlesAndLinks(string text, string expected) => Assert.Equal(expected, EmbeddingText.Of(text));

    [Fact]
    public void Of_OnlyHandlesAndLinks_KeepsTheTextAsItIs() => Assert.Equal("@united http://t.co/x", EmbeddingText.Of("@united http://t.co/x"));
}

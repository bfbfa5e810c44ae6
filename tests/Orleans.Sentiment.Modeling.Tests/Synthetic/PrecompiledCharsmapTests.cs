using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.Synthetic;

public sealed class PrecompiledCharsmapTests
{
    [Fact]
    public void Build_NmtNfkcSample_EveryKeyLooksUpItsReplacement()
    {
        var lookup = new CharsmapLookup(Convert.FromBase64String(PrecompiledCharsmap.NmtNfkcSampleBase64));

        Assert.All(PrecompiledCharsmap.NmtNfkcSample, entry => Assert.Equal(entry.Value, lookup.Transform(entry.Key)));
        Assert.Equal("A", lookup.Transform("\uFF21"));
        Assert.Equal(" ", lookup.Transform("\u3000"));
        Assert.Equal("é", lookup.Transform("e\u0301"));
        Assert.Equal(0, lookup.UnitCount % 256);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("e")]
    [InlineData("é")]
    [InlineData("的")]
    [InlineData("😀")]
    public void Build_NmtNfkcSample_LeavesOtherCharactersAlone(string text)
    {
        var lookup = new CharsmapLookup(Convert.FromBase64String(PrecompiledCharsmap.NmtNfkcSampleBase64));

        Assert.Null(lookup.Transform(text));
    }

    [Fact]
    public void Build_KeysSharingAPrefix_FindsTheShortestFirstAsSpmPrecompiledDoes()
    {
        var lookup = new CharsmapLookup(PrecompiledCharsmap.Build(new Dictionary<string, string> { ["ab"] = "X", ["abc"] = "Y", ["b"] = "" }));

        Assert.Equal("X", lookup.Transform("abc"));
        Assert.Equal("", lookup.Transform("b"));
        Assert.Null(lookup.Transform("a"));
        Assert.Null(lookup.Transform("c"));
    }

    [Fact]
    public void Build_EmptyKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => PrecompiledCharsmap.Build(new Dictionary<string, string> { [""] = "x" }));
    }
}

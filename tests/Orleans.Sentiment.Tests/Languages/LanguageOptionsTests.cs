using System.ComponentModel.DataAnnotations;
using Orleans.Sentiment.Grains.Languages;

namespace Orleans.Sentiment.Tests.Languages;

public sealed class LanguageOptionsTests
{
    [Fact]
    public void Validate_Defaults_AreValid()
    {
        var options = new LanguageOptions();

        Assert.Empty(Errors(options));
        Assert.True(options.Enabled);
        Assert.False(options.LowAccuracy);
        Assert.Equal(LanguageOptions.DefaultCandidates, options.CandidateCodes);
    }

    [Theory]
    [InlineData("medium", "en,es", "Languages:Detection is 'medium'")]
    [InlineData("high", "en,xx,klingon", "'xx', 'klingon'")]
    [InlineData("high", "en", "at least two languages")]
    public void Validate_BadSetting_NamesItAndTheValue(string detection, string candidates, string expected)
    {
        var error = Assert.Single(Errors(new LanguageOptions { Detection = detection, Candidates = candidates }));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("all", 0)]
    [InlineData(" EN, es ,pt ", 3)]
    public void CandidateCodes_AllOrAList_AreRead(string candidates, int count)
    {
        var options = new LanguageOptions { Candidates = candidates, Detection = "Off" };

        Assert.Empty(Errors(options));
        Assert.Equal(count, options.CandidateCodes.Count);
        Assert.False(options.Enabled);
    }

    private static List<string> Errors(LanguageOptions options) =>
        [.. options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage!)];
}

using Orleans.Sentiment.Client.Replay;

namespace Orleans.Sentiment.Tests.Client.Replay;

public sealed class ReplayTimestampsTests
{
    [Theory]
    [InlineData("2015-02-24 11:15:59 -0800", "2015-02-24T19:15:59Z")]
    [InlineData("2015-02-24T11:15:59-08:00", "2015-02-24T19:15:59Z")]
    [InlineData("2015-02-24T19:15:59Z", "2015-02-24T19:15:59Z")]
    [InlineData("2015-02-24T19:15:59.250Z", "2015-02-24T19:15:59.25Z")]
    [InlineData("2015-02-24T20:15:59+0100", "2015-02-24T19:15:59Z")]
    [InlineData("2015-02-24T19:15:59", "2015-02-24T19:15:59Z")]
    [InlineData("2015-02-24 19:15", "2015-02-24T19:15:00Z")]
    public void TryParse_IsoOrTweetForm_ReadsTheInstant(string text, string expectedUtc)
    {
        Assert.True(ReplayTimestamps.TryParse(text, out var timestamp));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), timestamp);
    }

    [Fact]
    public void TryParse_TweetForm_KeepsTheOriginalOffset()
    {
        Assert.True(ReplayTimestamps.TryParse("2015-02-24 11:15:59 -0800", out var timestamp));

        Assert.Equal(TimeSpan.FromHours(-8), timestamp.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("24/02/2015 11:15")]
    [InlineData("2015-02-30T10:00:00Z")]
    [InlineData("1424805359")]
    public void TryParse_NotATime_False(string text) => Assert.False(ReplayTimestamps.TryParse(text, out _));
}

using Orleans.Sentiment.Hosting.Streams;

namespace Orleans.Sentiment.ClusterTests.Hosting;

public sealed class SubjectSafeKeyTests
{
    [Theory]
    [InlineData("acme/app-store")]
    [InlineData("acme_2/app_store-1")]
    public void Escape_KeyWithoutSubjectTokens_IsUnchanged(string key) => Assert.Same(key, SubjectSafeKey.Escape(key));

    [Theory]
    [InlineData("acme.corp/app.store")]
    [InlineData("a%2E/b")]
    [InlineData("a b/*>.")]
    public void Escape_KeyWithDotsOrWildcards_HasNoSubjectTokensAndRoundTrips(string key)
    {
        var escaped = SubjectSafeKey.Escape(key);

        Assert.DoesNotContain('.', escaped);
        Assert.DoesNotContain('*', escaped);
        Assert.DoesNotContain('>', escaped);
        Assert.DoesNotContain(' ', escaped);
        Assert.Equal(key, SubjectSafeKey.Unescape(escaped));
    }
}

using Orleans.Sentiment.Silo.Auth;

namespace Orleans.Sentiment.Tests.Security;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void Generate_Twice_GivesDistinctWellFormedKeys()
    {
        var (id1, key1) = ApiKeyFormat.Generate();
        var (id2, key2) = ApiKeyFormat.Generate();

        Assert.NotEqual(key1, key2);
        Assert.NotEqual(id1, id2);
        Assert.Equal(id1, ApiKeyFormat.IdOf(key1));
        Assert.True(ApiKeyFormat.IsId(id1));
        Assert.StartsWith("osk_", key1, StringComparison.Ordinal);
        Assert.True(key1.Length >= 4 + 16 + 1 + 43, key1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("osk_")]
    [InlineData("osk_0123456789abcdef")]
    [InlineData("osk_0123456789ABCDEF_secret")]
    [InlineData("abc_0123456789abcdef_secret")]
    [InlineData("osk_../../etc/passwd_x")]
    public void IdOf_MalformedKey_IsNull(string key) => Assert.Null(ApiKeyFormat.IdOf(key));

    [Fact]
    public void Matches_OnlyTheSameKey()
    {
        var (_, key) = ApiKeyFormat.Generate();
        var stored = ApiKeyFormat.Hash(key);

        Assert.True(ApiKeyFormat.Matches(ApiKeyFormat.Hash(key), stored));
        Assert.False(ApiKeyFormat.Matches(ApiKeyFormat.Hash(key + "x"), stored));
        Assert.DoesNotContain(key, Convert.ToHexString(stored), StringComparison.OrdinalIgnoreCase);
    }
}

using Microsoft.AspNetCore.Http;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Tests.Security;

public sealed class IdempotencyKeyTests
{
    private static readonly IncomingComment[] Comments = [new(null, "one", null), new("mine", "two", null), new(null, "three", null)];

    [Fact]
    public void RequestHash_DiffersForAnyChangeOfSourceOrComments()
    {
        var hash = IdempotencyKey.RequestHash("app", Comments);

        Assert.Equal(hash, IdempotencyKey.RequestHash("app", [.. Comments]));
        Assert.NotEqual(hash, IdempotencyKey.RequestHash("web", Comments));
        Assert.NotEqual(hash, IdempotencyKey.RequestHash("app", Comments[..2]));
        Assert.NotEqual(hash, IdempotencyKey.RequestHash("app", [Comments[0], Comments[1], Comments[2] with { Text = "three!" }]));
        Assert.NotEqual(IdempotencyKey.RequestHash("app", [new("ab", "c", null)]), IdempotencyKey.RequestHash("app", [new("a", "bc", null)]));
    }

    [Theory]
    [InlineData("batch-1", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("tab\there", false)]
    public void Read_Header_AcceptsVisibleAsciiOnly(string value, bool valid)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[IdempotencyKey.Header] = value;

        var key = IdempotencyKey.Read(context.Request, out var error);

        Assert.Equal(valid, key is not null);
        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void Read_TooLong_IsAnError()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[IdempotencyKey.Header] = new string('k', IdempotencyKey.MaxLength + 1);

        Assert.Null(IdempotencyKey.Read(context.Request, out var error));
        Assert.NotNull(error);
    }
}

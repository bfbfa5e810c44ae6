using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Tests.Ingestion;

public sealed class CommentIdsTests
{
    private static readonly IncomingComment[] Comments = [new(null, "one", null), new("mine", "two", null), new(null, "three", null)];

    [Fact]
    public void Assign_SameKey_SameIdsEveryTime()
    {
        var first = CommentIds.Assign(Comments, "acme", "app", "batch-1");
        var retry = CommentIds.Assign(Comments, "acme", "app", "batch-1");

        Assert.Equal(first.Select(c => c.Id), retry.Select(c => c.Id));
        Assert.Equal("mine", first[1].Id);
        Assert.Equal(3, first.Select(c => c.Id).Distinct().Count());
        Assert.Matches("^k[0-9a-f]{32}$", first[0].Id);
    }

    [Fact]
    public void Assign_OtherKeyOrSource_OtherIds()
    {
        var first = CommentIds.Assign(Comments, "acme", "app", "batch-1");

        Assert.NotEqual(first[0].Id, CommentIds.Assign(Comments, "acme", "app", "batch-2")[0].Id);
        Assert.NotEqual(first[0].Id, CommentIds.Assign(Comments, "acme", "web", "batch-1")[0].Id);
    }

    [Fact]
    public void Assign_NoKey_NewIdsAndTheClientsKept()
    {
        var assigned = CommentIds.Assign(Comments, "acme", "app", idempotencyKey: null);
        var later = CommentIds.Assign(Comments, "acme", "app", idempotencyKey: null);

        Assert.Equal("mine", assigned[1].Id);
        Assert.All([assigned[0].Id!, assigned[2].Id!], id => Assert.Equal(7, Guid.ParseExact(id, "N").Version));
        Assert.NotEqual(assigned[0].Id, later[0].Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void OrNew_NoId_GivesANewOne(string? id) => Assert.Matches("^[0-9a-f]{32}$", CommentIds.OrNew(id));

    [Fact]
    public void OrNew_Id_KeepsIt() => Assert.Equal("c-1", CommentIds.OrNew("c-1"));

    [Theory]
    [InlineData("c-1", true)]
    [InlineData("  ", false)]
    [InlineData("tab\there", false)]
    [InlineData("12345678", true)]
    [InlineData("123456789", false)]
    public void Problem_ClientId_RefusesBlankControlAndTooLong(string id, bool accepted) =>
        Assert.Equal(accepted, CommentIds.Problem(id, maxLength: 8) is null);
}

using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Grains.TenantModels;

namespace Orleans.Sentiment.ClusterTests.TenantModels;

/// <summary>A model's examples in pages (fixture: at most 1200 per model).</summary>
[Collection(ClusterCollection.Name)]
public sealed class ExamplesGrainTests(ClusterFixture fixture)
{
    private const int Quota = 1200;

    [Fact]
    public async Task Add_AcrossPages_ListsReadsAndDeletesThemInOrder()
    {
        var examples = Examples("acme-pages/requirements");
        var first = await examples.AddAsync(Rows("a", ExamplesGrain.PageSize - 1), Quota);
        var second = await examples.AddAsync(Rows("b", ExamplesGrain.PageSize + 2), Quota);

        Assert.True(first.Added && second.Added);
        Assert.Equal((2 * ExamplesGrain.PageSize) + 1, second.Total);
        Assert.Equal(second.Total, first.Ids.Concat(second.Ids).Distinct().Count());

        var page = await examples.ListAsync(ExamplesGrain.PageSize - 2, 4);
        Assert.Equal(["a498", "b0", "b1", "b2"], page.Examples.Select(e => e.Text));

        Assert.True(await examples.DeleteAsync(second.Ids[0]));
        Assert.False(await examples.DeleteAsync(second.Ids[0]));
        Assert.False(await examples.DeleteAsync("no-such"));
        var all = await examples.ReadAllAsync();
        Assert.Equal(second.Total - 1, all.Count);
        Assert.DoesNotContain(all, e => e.Text == "b0");
        Assert.Equal(["a498", "b1"], (await examples.ListAsync(ExamplesGrain.PageSize - 2, 2)).Examples.Select(e => e.Text));

        Assert.Equal(second.Total - 1, await examples.DeleteAllAsync());
        Assert.Empty(await examples.ReadAllAsync());
        var again = await examples.AddAsync(Rows("c", 1), Quota);
        Assert.Equal(1, again.Total);
        Assert.DoesNotContain(again.Ids[0], first.Ids.Concat(second.Ids));
    }

    [Fact]
    public async Task Add_PastTheQuota_AddsNothingAndSaysWhy()
    {
        var examples = Examples("acme-quota/requirements");
        await examples.AddAsync(Rows("a", Quota - 1), Quota);

        var refused = await examples.AddAsync(Rows("b", 2), Quota);

        Assert.False(refused.Added);
        Assert.Contains("Training:MaxExamplesPerModel", refused.Refusal);
        Assert.Equal(Quota - 1, (await examples.ListAsync(0, 0)).Total);
        Assert.True((await examples.AddAsync(Rows("c", 1), Quota)).Added);
    }

    [Fact]
    public async Task Add_KeepsLabelsAndTheCorrectionMark()
    {
        var examples = Examples("acme-mark/requirements");
        await examples.AddAsync([new NewExample("crashes on start", ["stability", "quality"], IsCorrection: true)], Quota);

        var stored = Assert.Single(await examples.ReadAllAsync());

        Assert.Equal(["stability", "quality"], stored.Labels);
        Assert.True(stored.IsCorrection);
        Assert.Equal(ClusterFixture.Clock.GetUtcNow(), stored.AddedAt);
    }

    private IExamplesGrain Examples(string key) => fixture.Cluster.GrainFactory.GetGrain<IExamplesGrain>(key);

    private static NewExample[] Rows(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new NewExample($"{prefix}{i}", ["feature"], IsCorrection: false))];
}

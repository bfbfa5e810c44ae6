using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.ClusterTests;

/// <summary>Tenant admission bounds what a tenant has in flight and how many sources it may create (fixture: 1000 and 50).</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantAdmissionTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Admit_BeyondTheTenantsInFlightBound_IsRefusedWithARetryAfter()
    {
        var ledger = fixture.Cluster.GrainFactory.GetGrain<ITenantAdmissionGrain>("tenant-busy");

        Assert.True((await ledger.AdmitAsync("s", Ids("a", 900))).Admitted);
        var refused = await ledger.AdmitAsync("s", Ids("b", 200));

        Assert.Equal(AdmissionStatus.TenantBusy, refused.Status);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Contains("Ingestion:MaxInFlightPerTenant", refused.Detail);

        await ledger.CompleteAsync("s", Ids("a", 900), completed: true);
        Assert.True((await ledger.AdmitAsync("s", Ids("b", 200))).Admitted);
        await ledger.CompleteAsync("s", Ids("b", 200), completed: true);
    }

    [Fact]
    public async Task Admit_ReSentBatchStillInFlight_CountsItsCommentsOnce()
    {
        var ledger = fixture.Cluster.GrainFactory.GetGrain<ITenantAdmissionGrain>("tenant-resend");

        Assert.True((await ledger.AdmitAsync("s", Ids("r", 10))).Admitted);
        Assert.True((await ledger.AdmitAsync("s", Ids("r", 10))).Admitted);

        Assert.Equal(10, await ledger.GetInFlightAsync());
        await ledger.CompleteAsync("s", Ids("r", 10), completed: true);
        Assert.Equal(0, await ledger.GetInFlightAsync());
    }

    [Fact]
    public async Task Complete_DuplicateDelivery_ReleasesNothingTwice()
    {
        var ledger = fixture.Cluster.GrainFactory.GetGrain<ITenantAdmissionGrain>("tenant-duplicates");
        await ledger.AdmitAsync("s", Ids("x", 10));
        await ledger.AdmitAsync("s", Ids("y", 5));

        await ledger.CompleteAsync("s", Ids("x", 10), completed: true);
        await ledger.CompleteAsync("s", Ids("x", 10), completed: true);

        Assert.Equal(5, await ledger.GetInFlightAsync());
        await ledger.CompleteAsync("s", Ids("y", 5), completed: true);
    }

    [Fact]
    public async Task Admit_OneBatchLargerThanTheBound_IsAdmittedWhenNothingIsInFlight()
    {
        var ledger = fixture.Cluster.GrainFactory.GetGrain<ITenantAdmissionGrain>("tenant-big-batch");

        Assert.True((await ledger.AdmitAsync("s", Ids("big", 5000))).Admitted);
        await ledger.CompleteAsync("s", Ids("big", 5000), completed: true);
    }

    [Fact]
    public async Task Admit_NewSourceBeyondTheCap_IsRefusedButKnownSourcesStillAdmit()
    {
        var ledger = fixture.Cluster.GrainFactory.GetGrain<ITenantAdmissionGrain>("tenant-many-sources");
        for (var i = 0; i < 50; i++)
        {
            Assert.True((await ledger.AdmitAsync($"s{i}", ["1"])).Admitted);
        }

        var refused = await ledger.AdmitAsync("s50", ["1"]);

        Assert.Equal(AdmissionStatus.TooManySources, refused.Status);
        Assert.True((await ledger.AdmitAsync("s3", ["2"])).Admitted);
        Assert.Equal(50, (await ledger.GetSourcesAsync()).Count);
        for (var i = 0; i < 50; i++)
        {
            await ledger.CompleteAsync($"s{i}", ["1", "2"], completed: true);
        }

        Assert.Equal(0, await ledger.GetInFlightAsync());
    }

    [Fact]
    public void GrainType_TenantAdmissionGrain_IsTenantWhichKeysItsStoredSources() =>
        Assert.Equal("tenant", fixture.Cluster.GrainFactory.GetGrain<ITenantAdmissionGrain>("tenant-type").GetGrainId().Type.ToString());

    private static string[] Ids(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => $"{prefix}{i}")];
}

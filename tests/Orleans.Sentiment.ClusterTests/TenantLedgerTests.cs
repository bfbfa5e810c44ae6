using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.ClusterTests;

/// <summary>The tenant ledger bounds what a tenant has in flight and how many sources it may create (fixture: 1000 and 50).</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantLedgerTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Admit_BeyondTheTenantsInFlightBound_IsRefusedWithARetryAfter()
    {
        var ledger = fixture.Cluster.GrainFactory.GetGrain<ITenantGrain>("tenant-busy");

        Assert.True((await ledger.AdmitAsync("s", 900)).Admitted);
        var refused = await ledger.AdmitAsync("s", 200);

        Assert.Equal(AdmissionStatus.TenantBusy, refused.Status);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        Assert.Contains("Ingestion:MaxInFlightPerTenant", refused.Detail);

        await ledger.CompleteAsync(900);
        Assert.True((await ledger.AdmitAsync("s", 200)).Admitted);
        await ledger.CompleteAsync(200);
    }

    [Fact]
    public async Task Admit_OneBatchLargerThanTheBound_IsAdmittedWhenNothingIsInFlight()
    {
        var ledger = fixture.Cluster.GrainFactory.GetGrain<ITenantGrain>("tenant-big-batch");

        Assert.True((await ledger.AdmitAsync("s", 5000)).Admitted);
        await ledger.CompleteAsync(5000);
    }

    [Fact]
    public async Task Admit_NewSourceBeyondTheCap_IsRefusedButKnownSourcesStillAdmit()
    {
        var ledger = fixture.Cluster.GrainFactory.GetGrain<ITenantGrain>("tenant-many-sources");
        for (var i = 0; i < 50; i++)
        {
            Assert.True((await ledger.AdmitAsync($"s{i}", 1)).Admitted);
        }

        var refused = await ledger.AdmitAsync("s50", 1);

        Assert.Equal(AdmissionStatus.TooManySources, refused.Status);
        Assert.True((await ledger.AdmitAsync("s3", 1)).Admitted);
        Assert.Equal(50, (await ledger.GetSourcesAsync()).Count);
        await ledger.CompleteAsync(51);
    }
}

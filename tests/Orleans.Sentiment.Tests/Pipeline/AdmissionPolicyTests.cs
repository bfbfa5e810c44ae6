using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Sources;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class AdmissionPolicyTests
{
    private static readonly IngestionOptions Limits = new() { BacklogHorizon = TimeSpan.FromSeconds(10), MinInFlight = 500 };

    [Fact]
    public void Decide_ColdSilo_AdmitsUpToTheFloor()
    {
        Assert.True(AdmissionPolicy.Decide(Limits, new(0, 0, 0, null), 400).Admitted);

        var refused = AdmissionPolicy.Decide(Limits, new(400, 400, 0, null), 200);

        Assert.Equal(AdmissionStatus.TenantBusy, refused.Status);
        Assert.Contains("Ingestion:MinInFlight", refused.Detail);
    }

    [Fact]
    public void Decide_MeasuredRate_BoundsTheTenantAtRateTimesHorizon()
    {
        // 150 comments/s × 10 s: 1500 in flight at most for a tenant alone.
        Assert.True(AdmissionPolicy.Decide(Limits, new(1450, 1450, 0, 150), 50).Admitted);

        var refused = AdmissionPolicy.Decide(Limits, new(1500, 1500, 0, 150), 50);

        Assert.Equal(AdmissionStatus.TenantBusy, refused.Status);
        Assert.Contains("Ingestion:BacklogHorizon", refused.Detail);
        Assert.Contains("150 comments/s", refused.Detail);
    }

    [Fact]
    public void Decide_SlowModelMeasured_CapacityFollowsTheRateBelowTheColdStartAllowance()
    {
        // 5 long comments a second: 50 in the horizon, but never below 128 (twice what a measurement needs in flight).
        Assert.Equal(128, AdmissionPolicy.Capacity(Limits, 5));
        Assert.Equal(AdmissionStatus.TenantBusy, AdmissionPolicy.Decide(Limits, new(120, 120, 0, 5), 20).Status);
    }

    [Fact]
    public void Decide_TenantOverItsShare_GetsARetryAfterForItsShareOfTheRate()
    {
        // Two busy tenants share 1500: 750 each; 200 too many at 75/s take 3 s.
        var refused = AdmissionPolicy.Decide(Limits, new(1400, 900, 1, 150), 50);

        Assert.Equal(AdmissionStatus.TenantBusy, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), refused.RetryAfter);
    }

    [Fact]
    public void Decide_QuietTenantOnASiloAnotherTenantFills_IsAdmitted()
    {
        var quiet = AdmissionPolicy.Decide(Limits, new(1500, 0, 1, 150), 10);

        Assert.True(quiet.Admitted);
    }

    [Fact]
    public void Decide_QuietTenantOnASiloOthersOverfill_IsStillAdmitted()
    {
        // The measured rate fell after the others were admitted: the silo holds more than its capacity of 1500.
        Assert.True(AdmissionPolicy.Decide(Limits, new(2400, 0, 2, 150), 1).Admitted);
        Assert.True(AdmissionPolicy.Decide(Limits, new(2400, 100, 2, 150), 50).Admitted);
        Assert.Equal(AdmissionStatus.TenantBusy, AdmissionPolicy.Decide(Limits, new(2400, 1200, 2, 150), 50).Status);
    }

    [Fact]
    public void Decide_SiloPastItsConfiguredCap_Refuses503()
    {
        var capped = new IngestionOptions { BacklogHorizon = TimeSpan.FromSeconds(10), MaxInFlightPerSilo = 2000 };

        var refused = AdmissionPolicy.Decide(capped, new(1990, 100, 2, 150), 50);

        Assert.Equal(AdmissionStatus.SiloBusy, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);
        Assert.Contains("Ingestion:MaxInFlightPerSilo (2000)", refused.Detail);
    }

    [Fact]
    public void Decide_TenantWithNothingInFlight_MaySendOneBatchLargerThanItsShare()
    {
        Assert.True(AdmissionPolicy.Decide(Limits, new(0, 0, 0, null), 5000).Admitted);
    }

    [Fact]
    public void Decide_ConfiguredCaps_BoundAFastSilo()
    {
        var capped = new IngestionOptions { BacklogHorizon = TimeSpan.FromSeconds(10), MaxInFlightPerTenant = 1000, MaxInFlightPerSilo = 100_000 };

        var refused = AdmissionPolicy.Decide(capped, new(990, 990, 0, 10_000), 20);

        Assert.Equal(AdmissionStatus.TenantBusy, refused.Status);
        Assert.Contains("Ingestion:MaxInFlightPerTenant (1000)", refused.Detail);
    }

    [Fact]
    public void Decide_RetryAfter_IsBetweenOneAndThirtySeconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), AdmissionPolicy.Decide(Limits, new(5000, 5000, 0, 1), 500).RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(1), AdmissionPolicy.Decide(Limits, new(1500, 1500, 0, 150), 1).RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(2), AdmissionPolicy.Decide(Limits, new(500, 500, 0, null), 1).RetryAfter);
    }
}

using Orleans.Sentiment.Grains.Sources;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class InFlightLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly InFlightLedger _ledger = new(TimeSpan.FromMinutes(10));

    [Fact]
    public void Complete_MoreThanAdmitted_NeverGoesBelowZero()
    {
        _ledger.Admit(5, Now);

        Assert.Equal(5, _ledger.Complete(8, Now));
        Assert.Equal(0, _ledger.Count);
    }

    [Fact]
    public void Expire_AdmissionOlderThanTimeout_StopsCounting()
    {
        _ledger.Admit(5, Now);
        _ledger.Admit(3, Now.AddMinutes(9));

        Assert.Equal(5, _ledger.Expire(Now.AddMinutes(11)));
        Assert.Equal(3, _ledger.Count);
    }

    [Fact]
    public void Complete_ConsumesOldestAdmissionsFirst()
    {
        _ledger.Admit(5, Now);
        _ledger.Admit(3, Now.AddMinutes(9));
        _ledger.Complete(6, Now.AddMinutes(9));

        Assert.Equal(0, _ledger.Expire(Now.AddMinutes(11)));
        Assert.Equal(2, _ledger.Count);
    }

    [Fact]
    public void SuggestRetryAfter_SlowCompletions_IsCappedAtThirtySeconds()
    {
        _ledger.Admit(1000, Now);
        _ledger.Complete(100, Now); // 10 per second over the last ten seconds; 400 too many would take 40 s

        Assert.Equal(TimeSpan.FromSeconds(30), _ledger.SuggestRetryAfter(500, 1000, Now.AddSeconds(1)));
    }

    [Fact]
    public void SuggestRetryAfter_FastCompletions_IsAboutTheTimeToMakeRoom()
    {
        _ledger.Admit(1000, Now);
        _ledger.Complete(500, Now); // 50 per second; 100 too many take 2 s

        Assert.Equal(TimeSpan.FromSeconds(2), _ledger.SuggestRetryAfter(600, 1000, Now.AddSeconds(1)));
    }
}

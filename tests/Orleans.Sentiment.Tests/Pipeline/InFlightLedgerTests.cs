using Orleans.Sentiment.Grains.Sources;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class InFlightLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly InFlightLedger _ledger = new(TimeSpan.FromMinutes(10));

    [Fact]
    public void Complete_DuplicateOfACompletedComment_ReleasesNothing()
    {
        _ledger.Admit("s", Ids(0, 5), Now);

        Assert.Equal(5, _ledger.Complete("s", Ids(0, 5)));
        Assert.Equal(0, _ledger.Complete("s", Ids(0, 5)));
        Assert.Equal(0, _ledger.Count);
    }

    [Fact]
    public void Complete_RedeliveryWhileTheFirstDeliveryIsInFlight_ReleasesOnlyWhatTheFirstCompletes()
    {
        _ledger.Admit("s", Ids(0, 10), Now);

        // The first delivery completes 6 of its comments; a redelivery of all 10 then counts only the 4 left.
        Assert.Equal(6, _ledger.Complete("s", Ids(0, 6)));
        Assert.Equal(4, _ledger.Complete("s", Ids(0, 10)));
        Assert.Equal(0, _ledger.Complete("s", Ids(0, 10)));
    }

    [Fact]
    public void Admit_ReSentBatchStillInFlight_CountsEachCommentOnce()
    {
        Assert.Equal(5, _ledger.Admit("s", Ids(0, 5), Now));

        Assert.Equal(2, _ledger.CountNew("s", Ids(3, 7)));
        Assert.Equal(2, _ledger.Admit("s", Ids(3, 7), Now));
        Assert.Equal(7, _ledger.Count);
        Assert.Equal(7, _ledger.Complete("s", Ids(0, 7)));
    }

    [Fact]
    public void Admit_SameIdOfAnotherSource_IsAnotherComment()
    {
        _ledger.Admit("a", ["1"], Now);
        _ledger.Admit("b", ["1"], Now);

        Assert.Equal(2, _ledger.Count);
        Assert.Equal(1, _ledger.Complete("b", ["1"]));
        Assert.Equal(1, _ledger.Count);
    }

    [Fact]
    public void Expire_AdmissionOlderThanTimeout_StopsCounting()
    {
        _ledger.Admit("s", Ids(0, 5), Now);
        _ledger.Admit("s", Ids(5, 8), Now.AddMinutes(9));

        Assert.Equal(5, _ledger.Expire(Now.AddMinutes(11)));
        Assert.Equal(3, _ledger.Count);
    }

    [Fact]
    public void Expire_CompletedCommentsOfAnOldAdmission_AreNotReleasedAgain()
    {
        _ledger.Admit("s", Ids(0, 5), Now);
        _ledger.Admit("s", Ids(5, 8), Now.AddMinutes(9));
        _ledger.Complete("s", Ids(0, 4));

        Assert.Equal(1, _ledger.Expire(Now.AddMinutes(11)));
        Assert.Equal(3, _ledger.Count);
        Assert.Equal(0, _ledger.Complete("s", ["4"]));
    }

    private static string[] Ids(int from, int to) => [.. Enumerable.Range(from, to - from).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}

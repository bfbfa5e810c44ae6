using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Alerts;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class AlertOutboxTests
{
    private const string Url = "https://hooks.slack.com/services/T/B/x";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly SlackOptions Options = new() { MaxRetries = 5, RetryDelay = TimeSpan.FromSeconds(1), MaxRetryAfter = TimeSpan.FromMinutes(1), DeliveryDeadline = TimeSpan.FromMinutes(10) };
    private readonly AlertOutbox _outbox = new();

    [Fact]
    public void Accept_SameSequenceTwice_TakesItOnce()
    {
        Assert.NotNull(_outbox.Accept(Alert(AlertKind.Spike, 1), Url, Now, 100));
        Assert.Null(_outbox.Accept(Alert(AlertKind.Spike, 1), Url, Now, 100));

        Assert.Single(_outbox.History(10));
    }

    [Fact]
    public void Accept_TwoWhileOneIsBeingDelivered_CoalescesToTheNewest()
    {
        _outbox.Accept(Alert(AlertKind.Spike, 1), Url, Now, 100);
        _outbox.Accept(Alert(AlertKind.Recovery, 2), Url, Now, 100);
        _outbox.Accept(Alert(AlertKind.Spike, 3), Url, Now, 100);

        Assert.Equal(AlertKind.Spike, _outbox.Current!.Notification.Kind);
        Assert.Equal(3, Assert.Single(_outbox.Waiting).Notification.Sequence);
        Assert.Equal([AlertDelivery.Pending, AlertDelivery.Superseded, AlertDelivery.Pending], _outbox.History(10).Select(r => r.Delivery));
    }

    [Fact]
    public void Accept_AlertsOfTwoLabelsWhileOneIsBeingDelivered_EachLabelKeepsItsNewest()
    {
        _outbox.Accept(Alert(AlertKind.Spike, 1), Url, Now, 100);
        _outbox.Accept(Alert(AlertKind.Spike, 2) with { WatchKey = "category\u001fbug report", Label = "bug report" }, Url, Now, 100);
        _outbox.Accept(Alert(AlertKind.Recovery, 3), Url, Now, 100);
        _outbox.Accept(Alert(AlertKind.Spike, 4), Url, Now, 100);

        Assert.Equal([2, 4], _outbox.Waiting.Select(w => w.Notification.Sequence));
        Assert.Equal(["negative", "negative", "bug report", "negative"], _outbox.History(10).Select(r => r.Label));
        Assert.Equal(AlertDelivery.Superseded, _outbox.History(10)[1].Delivery);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AttachThemes_HeldSpike_GoesAtOnceWithThemesAndHistoryKeepsNoText(bool includeExamples)
    {
        _outbox.Accept(Alert(AlertKind.Spike, 1) with { IncludeExamples = includeExamples }, Url, Now, 100, hold: TimeSpan.FromSeconds(3));
        Assert.Equal(Now.AddSeconds(3), _outbox.Current!.NextAttemptAt);

        Assert.True(_outbox.AttachThemes(1, [new AlertTheme("late · delayed", 12, 0.4, ["c-1"], ["Late again"])], Now.AddSeconds(1), attemptInFlight: 0));

        Assert.Equal(Now.AddSeconds(1), _outbox.Current!.NextAttemptAt);
        var theme = Assert.Single(_outbox.Current.Notification.Themes);
        Assert.Equal(includeExamples ? ["Late again"] : [], theme.Examples);
        var kept = Assert.Single(_outbox.History(1)[0].Themes);
        Assert.Equal(("late · delayed", 12, "c-1"), (kept.Name, kept.Count, kept.ExampleIds[0]));
        Assert.Empty(kept.Examples);
    }

    [Fact]
    public void AttachThemes_SpikeAlreadyBeingPosted_OnlyTheHistoryTakesThem()
    {
        _outbox.Accept(Alert(AlertKind.Spike, 1), Url, Now, 100, hold: TimeSpan.FromSeconds(3));

        Assert.False(_outbox.AttachThemes(1, [new AlertTheme("late", 3, 0.1, [], [])], Now, attemptInFlight: _outbox.Current!.Id));

        Assert.Empty(_outbox.Current.Notification.Themes);
        Assert.Single(_outbox.History(1)[0].Themes);
    }

    [Fact]
    public void Apply_Sent_RecordsDeliveryAndMovesToTheNext()
    {
        _outbox.Accept(Alert(AlertKind.Spike, 1), Url, Now, 100);
        _outbox.Accept(Alert(AlertKind.Recovery, 2), Url, Now, 100);

        var outcome = _outbox.Apply(_outbox.Current!.Id, DeliveryAttempt.Sent(200), Now.AddSeconds(1), Options, new Random(1));

        Assert.Equal(AlertDelivery.Sent, outcome);
        Assert.Equal(2, _outbox.Current!.Notification.Sequence);
        Assert.Empty(_outbox.Waiting);
        var sent = _outbox.History(10).Single(r => r.Kind == AlertKind.Spike);
        Assert.Equal((1, Now.AddSeconds(1)), (sent.Attempts, sent.DeliveredAt!.Value));
    }

    [Fact]
    public void Apply_RetryAfterAnHour_IsCappedByMaxRetryAfter()
    {
        _outbox.Accept(Alert(AlertKind.Spike, 1), Url, Now, 100);

        var outcome = _outbox.Apply(_outbox.Current!.Id, new DeliveryAttempt(DeliveryResult.Transient, 429, TimeSpan.FromHours(1)), Now, Options, new Random(1));

        Assert.Equal(AlertDelivery.Pending, outcome);
        Assert.Equal(Now + Options.MaxRetryAfter, _outbox.Current!.NextAttemptAt);
    }

    [Fact]
    public void Apply_PastTheDeadline_FailsInsteadOfWaiting()
    {
        _outbox.Accept(Alert(AlertKind.Spike, 1), Url, Now, 100);

        var outcome = _outbox.Apply(_outbox.Current!.Id, new DeliveryAttempt(DeliveryResult.Transient, 503, TimeSpan.FromMinutes(1)), Now.AddMinutes(9.5), Options, new Random(1));

        Assert.Equal(AlertDelivery.Failed, outcome);
        Assert.Null(_outbox.Current);
    }

    [Fact]
    public void Apply_TooManyAttempts_Fails()
    {
        _outbox.Accept(Alert(AlertKind.Spike, 1), Url, Now, 100);
        var outcomes = Enumerable.Range(0, Options.MaxRetries + 1)
            .Select(_ => _outbox.Apply(1, new DeliveryAttempt(DeliveryResult.Transient, 503, null), Now, Options, new Random(1)))
            .ToList();

        Assert.All(outcomes.SkipLast(1), o => Assert.Equal(AlertDelivery.Pending, o));
        Assert.Equal(AlertDelivery.Failed, outcomes[^1]);
        Assert.Equal(Options.MaxRetries + 1, _outbox.History(1)[0].Attempts);
    }

    [Fact]
    public void Apply_Permanent_FailsAtOnce()
    {
        _outbox.Accept(Alert(AlertKind.Spike, 1), Url, Now, 100);

        Assert.Equal(AlertDelivery.Failed, _outbox.Apply(1, new DeliveryAttempt(DeliveryResult.Permanent, 404, null), Now, Options, new Random(1)));
    }

    [Fact]
    public void Accept_NoWebhook_IsLoggedAndNotQueued()
    {
        var record = _outbox.Accept(Alert(AlertKind.Spike, 1), null, Now, 100);

        Assert.Equal(AlertDelivery.Logged, record!.Delivery);
        Assert.Null(_outbox.Current);
    }

    [Fact]
    public void Accept_BeyondHistoryCapacity_KeepsTheNewest()
    {
        for (var i = 1; i <= 5; i++)
        {
            _outbox.Accept(Alert(AlertKind.Spike, i), null, Now, 3);
        }

        Assert.Equal([5L, 4L, 3L], _outbox.History(10).Select(r => r.Sequence));
    }

    private static AlertNotification Alert(AlertKind kind, long sequence) =>
        new("acme", "app", kind, 20, 100, 100, 0.1, Url, Now, sequence);
}

using Microsoft.Extensions.Time.Testing;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Alerts;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class AlertStateMachineTests
{
    private static readonly AlertPolicy Policy = new(100, 0.10, 20, TimeSpan.FromMinutes(15), null);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly AlertStateMachine _machine = new();

    [Fact]
    public void Evaluate_ShareExactlyAtThreshold_DoesNotAlert() =>
        Assert.Null(_machine.Evaluate(100, 10, Policy, _clock.GetUtcNow()));

    [Fact]
    public void Evaluate_ShareAboveThreshold_AlertsOnceForTheSpike()
    {
        Assert.Equal(AlertKind.Spike, _machine.Evaluate(100, 11, Policy, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(_machine.Evaluate(100, 30, Policy, _clock.GetUtcNow()));
        Assert.True(_machine.Alerting);
        Assert.Equal(1, _machine.Sequence);
    }

    [Fact]
    public void Evaluate_FewerThanMinCount_DoesNotAlert() =>
        Assert.Null(_machine.Evaluate(19, 19, Policy, _clock.GetUtcNow()));

    [Fact]
    public void Evaluate_RecoveryInsideCooldown_WaitsUntilCooldownPasses()
    {
        _machine.Evaluate(100, 20, Policy, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(_machine.Evaluate(100, 10, Policy, _clock.GetUtcNow()));
        Assert.True(_machine.Alerting);

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(AlertKind.Recovery, _machine.Evaluate(100, 10, Policy, _clock.GetUtcNow()));
        Assert.False(_machine.Alerting);
    }

    [Fact]
    public void Evaluate_FlappingInsideCooldown_SendsNothingMore()
    {
        Assert.Equal(AlertKind.Spike, _machine.Evaluate(100, 20, Policy, _clock.GetUtcNow()));
        for (var i = 0; i < 10; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            Assert.Null(_machine.Evaluate(100, i % 2 == 0 ? 5 : 20, Policy, _clock.GetUtcNow()));
        }
    }

    [Fact]
    public void Evaluate_RecoveryThenNewSpike_SpikeWaitsForTheCooldownOfTheRecovery()
    {
        _machine.Evaluate(100, 20, Policy, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(AlertKind.Recovery, _machine.Evaluate(100, 5, Policy, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromMinutes(14));

        Assert.Null(_machine.Evaluate(100, 20, Policy, _clock.GetUtcNow()));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(AlertKind.Spike, _machine.Evaluate(100, 20, Policy, _clock.GetUtcNow()));
        Assert.Equal(3, _machine.Sequence);
    }

    [Fact]
    public void Evaluate_EmptyWindowWhileAlerting_Recovers()
    {
        _machine.Evaluate(100, 20, Policy, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(AlertKind.Recovery, _machine.Evaluate(0, 0, Policy, _clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(100, 10, false)] // at the threshold, not alerting: only new comments can change anything
    [InlineData(10, 5, true)] // over the threshold below minCount: still watched, as the window may fill
    [InlineData(0, 0, false)]
    public void KeepsEvaluating_NotAlerting_OnlyOverTheThreshold(int count, int negative, bool expected) =>
        Assert.Equal(expected, _machine.KeepsEvaluating(count, negative, Policy));

    [Fact]
    public void KeepsEvaluating_Alerting_EvenBackUnderTheThreshold()
    {
        _machine.Evaluate(100, 20, Policy, _clock.GetUtcNow());

        Assert.True(_machine.KeepsEvaluating(100, 0, Policy));
    }
}

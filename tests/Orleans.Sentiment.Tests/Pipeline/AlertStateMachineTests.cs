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
    }

    [Fact]
    public void Evaluate_FewerThanMinCount_DoesNotAlert() =>
        Assert.Null(_machine.Evaluate(19, 19, Policy, _clock.GetUtcNow()));

    [Fact]
    public void Evaluate_ShareFallsToThreshold_SendsRecovery()
    {
        _machine.Evaluate(100, 20, Policy, _clock.GetUtcNow());

        Assert.Equal(AlertKind.Recovery, _machine.Evaluate(100, 10, Policy, _clock.GetUtcNow()));
        Assert.False(_machine.Alerting);
    }

    [Fact]
    public void Evaluate_NewSpikeInsideCooldown_StaysSilentUntilCooldownPasses()
    {
        _machine.Evaluate(100, 20, Policy, _clock.GetUtcNow());
        _machine.Evaluate(100, 5, Policy, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(14));

        Assert.Null(_machine.Evaluate(100, 20, Policy, _clock.GetUtcNow()));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(AlertKind.Spike, _machine.Evaluate(100, 20, Policy, _clock.GetUtcNow()));
    }
}

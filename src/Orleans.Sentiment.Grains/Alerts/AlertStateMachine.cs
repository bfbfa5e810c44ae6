using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// Decides, once per delivered batch and on the source's timer, whether a source starts or stops alerting. Each change
/// of state is one message, and no two messages — spike or recovery — are closer than the policy's cooldown: a change
/// that happens inside the cooldown waits, and is announced when the cooldown ends only if it still holds.
/// </summary>
[GenerateSerializer, Alias("sentiment.AlertStateMachine")]
public sealed class AlertStateMachine
{
    /// <summary>The state last announced.</summary>
    [Id(0)]
    public bool Alerting { get; private set; }

    [Id(1)]
    public DateTimeOffset? LastMessageAt { get; private set; }

    /// <summary>Numbers the messages of this source, so a message re-sent after a crash is recognised downstream.</summary>
    [Id(2)]
    public long Sequence { get; private set; }

    /// <returns>The kind of message to send, or null when nothing is to be announced now.</returns>
    public AlertKind? Evaluate(int count, int negativeCount, AlertPolicy policy, DateTimeOffset now)
    {
        var ratio = count == 0 ? 0 : (double)negativeCount / count;
        var changed = Alerting
            ? ratio <= policy.Threshold
            : count >= policy.MinCount && ratio > policy.Threshold;
        if (!changed || IsCoolingDown(policy, now))
        {
            return null;
        }

        Alerting = !Alerting;
        LastMessageAt = now;
        Sequence++;
        return Alerting ? AlertKind.Spike : AlertKind.Recovery;
    }

    private bool IsCoolingDown(AlertPolicy policy, DateTimeOffset now) =>
        LastMessageAt is { } last && now - last < policy.Cooldown;
}

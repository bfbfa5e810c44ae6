using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// Decides, for the alert grain, whether a source starts or stops alerting, each time its source grain hands over the
/// window's counts (once per delivered batch, and on the source's timer). Each change of state is one message, and no
/// two messages — spike or recovery — are closer than the policy's cooldown: a change that happens inside the cooldown
/// waits, and is announced when the cooldown ends only if it still holds.
/// </summary>
[GenerateSerializer, Alias("sentiment.AlertStateMachine")]
public sealed class AlertStateMachine
{
    /// <summary>The state last announced.</summary>
    [Id(0)]
    public bool Alerting { get; private set; }

    [Id(1)]
    public DateTimeOffset? LastMessageAt { get; private set; }

    /// <summary>Numbers the messages of this source, so the outbox takes each one once.</summary>
    [Id(2)]
    public long Sequence { get; private set; }

    /// <summary>Decides on the policy's main share with its threshold.</summary>
    /// <returns>The kind of message to send, or null when nothing is to be announced now.</returns>
    public AlertKind? Evaluate(int count, int negativeCount, AlertPolicy policy, DateTimeOffset now) =>
        Evaluate(ByThreshold(count, negativeCount, policy), policy.Cooldown, now);

    /// <summary>Decides on a judged share: a spike once breached, a recovery once clear.</summary>
    /// <returns>The kind of message to send, or null when nothing is to be announced now.</returns>
    public AlertKind? Evaluate(SpikeJudge.Judgement judgement, TimeSpan cooldown, DateTimeOffset now)
    {
        var changed = Alerting ? judgement.Clear : judgement.Breached;
        if (!changed || IsCoolingDown(cooldown, now))
        {
            return null;
        }

        Alerting = !Alerting;
        LastMessageAt = now;
        Sequence++;
        return Alerting ? AlertKind.Spike : AlertKind.Recovery;
    }

    /// <summary>
    /// Whether the source must keep being evaluated without new comments, and stay active: while it alerts or its share
    /// is over the threshold, time alone can change the decision (a change held back ends its cooldown), so a source that
    /// goes quiet still recovers, or still pages.
    /// </summary>
    public bool KeepsEvaluating(int count, int negativeCount, AlertPolicy policy) => KeepsEvaluating(ByThreshold(count, negativeCount, policy));

    /// <summary>As <see cref="KeepsEvaluating(int, int, AlertPolicy)"/>, for a judged share: while it alerts or is not clear.</summary>
    public bool KeepsEvaluating(SpikeJudge.Judgement judgement) => Alerting || judgement.Breached || !judgement.Clear;

    private static SpikeJudge.Judgement ByThreshold(int count, int negativeCount, AlertPolicy policy) =>
        SpikeJudge.Judge(new WatchCounts(AlertPolicy.MainWatchKey, count, negativeCount, null, 0), SpikeDetector.Threshold, policy.Threshold, policy.Alpha, policy.MinLift, policy);

    private bool IsCoolingDown(TimeSpan cooldown, DateTimeOffset now) =>
        LastMessageAt is { } last && now - last < cooldown;
}

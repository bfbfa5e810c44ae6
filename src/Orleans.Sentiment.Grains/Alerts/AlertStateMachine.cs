using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// Decides, after each batch, whether a source starts or stops alerting. A spike alerts once; a new spike
/// inside the cooldown of the last alert stays silent until the cooldown has passed.
/// </summary>
[GenerateSerializer, Alias("sentiment.AlertStateMachine")]
public sealed class AlertStateMachine
{
    [Id(0)]
    public bool Alerting { get; private set; }

    [Id(1)]
    public DateTimeOffset? LastAlertAt { get; private set; }

    /// <returns>The kind of message to send, or null when nothing changed.</returns>
    public AlertKind? Evaluate(int count, int negativeCount, AlertPolicy policy, DateTimeOffset now)
    {
        var ratio = count == 0 ? 0 : (double)negativeCount / count;
        if (!Alerting)
        {
            var breached = count >= policy.MinCount && ratio > policy.Threshold;
            var coolingDown = LastAlertAt is { } last && now - last < policy.Cooldown;
            if (!breached || coolingDown)
            {
                return null;
            }

            Alerting = true;
            LastAlertAt = now;
            return AlertKind.Spike;
        }

        if (ratio <= policy.Threshold)
        {
            Alerting = false;
            return AlertKind.Recovery;
        }

        return null;
    }
}

using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// A source's alert outbox and history. It coalesces: one alert being delivered and at most one waiting behind it for
/// each watched label; a newer alert of a label replaces that label's waiting one (which is marked superseded), because
/// only the latest state of a label is worth a page. Kept in grain state, so queued alerts survive deactivation and, with persistent storage, restarts.
/// </summary>
[GenerateSerializer, Alias("sentiment.AlertOutbox")]
public sealed class AlertOutbox
{
    /// <summary>Newest first.</summary>
    [Id(0)]
    private readonly List<AlertRecord> _history = [];

    [Id(1)]
    private long _lastId;

    /// <summary>The highest source sequence taken, so a re-sent notification is ignored.</summary>
    [Id(2)]
    private long _lastSequence;

    [Id(3)]
    public PendingAlert? Current { get; private set; }

    /// <summary>The one waiting alert of an outbox stored before alerts waited per label; it waits first.</summary>
    [Id(4)]
    private PendingAlert? _next;

    /// <summary>Alerts waiting behind <see cref="Current"/>, oldest first, at most one per watched label.</summary>
    [Id(5)]
    private List<PendingAlert>? _waiting;

    /// <summary>Alerts waiting behind <see cref="Current"/>, oldest first.</summary>
    public IReadOnlyList<PendingAlert> Waiting => _next is { } next ? [next, .. _waiting ?? []] : _waiting ?? [];

    /// <summary>The highest source sequence taken; the next message of the source takes the one after it.</summary>
    public long LastSequence => _lastSequence;

    public IReadOnlyList<AlertRecord> History(int limit) => _history.Take(Math.Max(0, limit)).ToArray();

    /// <summary>Takes a notification; null when it was already taken, else its history entry.</summary>
    /// <param name="hold">How long its first attempt waits (for themes to be attached); zero: at once.</param>
    public AlertRecord? Accept(AlertNotification notification, string? webhookUrl, DateTimeOffset now, int historyCapacity, TimeSpan hold = default)
    {
        if (notification.Sequence > 0)
        {
            if (notification.Sequence <= _lastSequence)
            {
                return null;
            }

            _lastSequence = notification.Sequence;
        }

        var record = new AlertRecord(++_lastId, notification.Kind, notification.At, notification.NegativeCount, notification.Count,
            notification.WindowSize, notification.Threshold, webhookUrl is null ? AlertDelivery.Logged : AlertDelivery.Pending, 0, null)
        {
            Model = notification.Model,
            Label = notification.Label,
            Detector = notification.Detector,
            Baseline = notification.Baseline,
        };
        _history.Insert(0, record);
        if (_history.Count > historyCapacity)
        {
            _history.RemoveRange(historyCapacity, _history.Count - historyCapacity);
        }

        if (webhookUrl is not null)
        {
            var pending = new PendingAlert { Id = record.Sequence, Notification = notification, WebhookUrl = webhookUrl, QueuedAt = now, NextAttemptAt = now + hold };
            if (Current is null)
            {
                Current = pending;
            }
            else
            {
                var waiting = _waiting ??= [];
                if (_next is not null)
                {
                    waiting.Insert(0, _next);
                    _next = null;
                }

                foreach (var replaced in waiting.Where(w => w.Notification.WatchKey == notification.WatchKey).ToList())
                {
                    Update(replaced.Id, r => r with { Delivery = AlertDelivery.Superseded });
                    waiting.Remove(replaced);
                }

                waiting.Add(pending);
            }
        }

        return record;
    }

    /// <summary>
    /// Adds themes to message <paramref name="sequence"/>'s history entry (without texts), and to the message itself
    /// while it waits in the outbox, which then goes at once. False when the outbox no longer holds it unsent.
    /// </summary>
    public bool AttachThemes(long sequence, IReadOnlyList<AlertTheme> themes, DateTimeOffset now, long attemptInFlight)
    {
        var pending = new[] { Current }.Concat(Waiting).FirstOrDefault(p => p?.Notification.Sequence == sequence);
        if (pending is not null)
        {
            Update(pending.Id, r => r with { Themes = themes.Select(t => t with { Examples = [] }).ToArray() });
        }

        if (pending is null || pending.Attempts > 0 || pending.Id == attemptInFlight)
        {
            return false;
        }

        pending.Notification = pending.Notification with { Themes = pending.Notification.IncludeExamples ? themes : themes.Select(t => t with { Examples = [] }).ToArray() };
        pending.NextAttemptAt = now;
        return true;
    }

    /// <summary>Applies the outcome of an attempt at <see cref="Current"/>; returns the final state, or Pending when it will be retried.</summary>
    public AlertDelivery Apply(long alertId, DeliveryAttempt attempt, DateTimeOffset now, SlackOptions options, Random jitter)
    {
        if (Current is not { } current || current.Id != alertId)
        {
            return AlertDelivery.Pending;
        }

        current.Attempts++;
        var outcome = Decide(current, attempt, now, options, jitter);
        Update(current.Id, r => r with
        {
            Delivery = outcome,
            Attempts = current.Attempts,
            DeliveredAt = outcome == AlertDelivery.Sent ? now : null,
        });
        if (outcome != AlertDelivery.Pending)
        {
            Current = TakeWaiting();
            if (Current is not null)
            {
                Current.NextAttemptAt = now;
            }
        }

        return outcome;
    }

    private PendingAlert? TakeWaiting()
    {
        if (_next is { } next)
        {
            _next = null;
            return next;
        }

        if (_waiting is not { Count: > 0 } waiting)
        {
            return null;
        }

        var first = waiting[0];
        waiting.RemoveAt(0);
        return first;
    }

    private static AlertDelivery Decide(PendingAlert current, DeliveryAttempt attempt, DateTimeOffset now, SlackOptions options, Random jitter)
    {
        switch (attempt.Result)
        {
            case DeliveryResult.Sent:
                return AlertDelivery.Sent;
            case DeliveryResult.Permanent:
                return AlertDelivery.Failed;
        }

        if (current.Attempts > options.MaxRetries)
        {
            return AlertDelivery.Failed;
        }

        // Exponential backoff with jitter; a receiver's Retry-After is honoured, but never beyond Slack:MaxRetryAfter.
        var backoff = options.RetryDelay * Math.Pow(2, current.Attempts - 1) * (0.8 + (0.4 * jitter.NextDouble()));
        var wait = attempt.RetryAfter is { } asked ? TimeSpan.FromTicks(Math.Min(asked.Ticks, options.MaxRetryAfter.Ticks)) : backoff;
        var next = now + wait;
        if (next > current.QueuedAt + options.DeliveryDeadline)
        {
            return AlertDelivery.Failed;
        }

        current.NextAttemptAt = next;
        return AlertDelivery.Pending;
    }

    private void Update(long id, Func<AlertRecord, AlertRecord> change)
    {
        var index = _history.FindIndex(r => r.Sequence == id);
        if (index >= 0)
        {
            _history[index] = change(_history[index]);
        }
    }
}

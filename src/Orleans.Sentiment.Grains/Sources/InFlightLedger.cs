namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// One tenant's admitted-but-unfinished comments, oldest admission first. Completions consume the oldest admissions;
/// admissions older than the timeout are presumed lost (a crash of an in-memory stream, say) and stop counting, so a
/// tenant can never be locked out by comments that will not come back.
/// </summary>
public sealed class InFlightLedger(TimeSpan timeout)
{
    private readonly Queue<Admitted> _admissions = new();
    private readonly Queue<(DateTimeOffset At, int Count)> _completions = new();
    private int _count;

    public int Count => _count;

    public void Admit(int count, DateTimeOffset now)
    {
        _admissions.Enqueue(new Admitted(now, count));
        _count += count;
    }

    /// <returns>How many comments stopped counting (never more than were in flight).</returns>
    public int Complete(int count, DateTimeOffset now)
    {
        var released = 0;
        while (count > 0 && _admissions.TryPeek(out var oldest))
        {
            var taken = Math.Min(count, oldest.Remaining);
            oldest.Remaining -= taken;
            count -= taken;
            released += taken;
            if (oldest.Remaining == 0)
            {
                _admissions.Dequeue();
            }
        }

        _count -= released;
        _completions.Enqueue((now, released));
        return released;
    }

    /// <returns>How many comments stopped counting because their admission timed out.</returns>
    public int Expire(DateTimeOffset now)
    {
        var expired = 0;
        while (_admissions.TryPeek(out var oldest) && now - oldest.At > timeout)
        {
            expired += _admissions.Dequeue().Remaining;
        }

        _count -= expired;
        return expired;
    }

    /// <summary>A wait after which room is likely, from the completion rate of the last ten seconds (1 to 30 s).</summary>
    public TimeSpan SuggestRetryAfter(int wanted, int limit, DateTimeOffset now)
    {
        while (_completions.TryPeek(out var c) && now - c.At > TimeSpan.FromSeconds(10))
        {
            _completions.Dequeue();
        }

        var perSecond = _completions.Sum(c => c.Count) / 10.0;
        var excess = Math.Max(1, _count + wanted - limit);
        var seconds = perSecond <= 0 ? 5 : Math.Ceiling(excess / perSecond);
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 30));
    }

    private sealed class Admitted(DateTimeOffset at, int count)
    {
        public DateTimeOffset At { get; } = at;

        public int Remaining { get; set; } = count;
    }
}

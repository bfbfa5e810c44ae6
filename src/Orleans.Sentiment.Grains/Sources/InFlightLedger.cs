namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// One tenant's admitted-but-unfinished comments, by source and comment id. A comment counts once however often it
/// is admitted (a client re-sending a batch) or delivered (a stream redelivery), and is released once: by the first
/// completion naming it, never by a duplicate. Admissions older than the timeout are presumed lost (a crash of an
/// in-memory stream, say) and stop counting, so a tenant can never be locked out by comments that will not come back.
/// </summary>
public sealed class InFlightLedger(TimeSpan timeout)
{
    private readonly Dictionary<CommentKey, Admitted> _inFlight = [];
    private readonly Queue<Admitted> _admissions = new();

    public int Count => _inFlight.Count;

    /// <summary>How many of <paramref name="ids"/> are not yet in flight (what admitting them would add).</summary>
    public int CountNew(string source, IReadOnlyCollection<string> ids) => ids.Count(id => !_inFlight.ContainsKey(new(source, id)));

    /// <returns>How many comments started counting (ids already in flight are not counted twice).</returns>
    public int Admit(string source, IReadOnlyCollection<string> ids, DateTimeOffset now)
    {
        var admitted = new Admitted(now, source, ids.Count);
        foreach (var id in ids)
        {
            if (_inFlight.TryAdd(new(source, id), admitted))
            {
                admitted.Ids.Add(id);
            }
        }

        admitted.Remaining = admitted.Ids.Count;
        if (admitted.Remaining > 0)
        {
            _admissions.Enqueue(admitted);
        }

        return admitted.Ids.Count;
    }

    /// <returns>How many comments stopped counting: those of <paramref name="ids"/> that were in flight.</returns>
    public int Complete(string source, IEnumerable<string> ids)
    {
        var released = 0;
        foreach (var id in ids)
        {
            if (_inFlight.Remove(new(source, id), out var admitted))
            {
                admitted.Remaining--;
                released++;
            }
        }

        while (_admissions.TryPeek(out var oldest) && oldest.Remaining == 0)
        {
            _admissions.Dequeue();
        }

        return released;
    }

    /// <returns>How many comments stopped counting because their admission timed out.</returns>
    public int Expire(DateTimeOffset now)
    {
        var expired = 0;
        while (_admissions.TryPeek(out var oldest) && now - oldest.At > timeout)
        {
            _admissions.Dequeue();
            foreach (var id in oldest.Ids)
            {
                var key = new CommentKey(oldest.Source, id);
                if (_inFlight.TryGetValue(key, out var owner) && ReferenceEquals(owner, oldest))
                {
                    _inFlight.Remove(key);
                    expired++;
                }
            }
        }

        return expired;
    }

    private readonly record struct CommentKey(string Source, string Id);

    /// <summary>One admission: its time, and how many of its comments are still in flight.</summary>
    private sealed class Admitted(DateTimeOffset at, string source, int capacity)
    {
        public DateTimeOffset At { get; } = at;

        public string Source { get; } = source;

        public List<string> Ids { get; } = new(capacity);

        public int Remaining { get; set; }
    }
}

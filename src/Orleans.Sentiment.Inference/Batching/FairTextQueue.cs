namespace Orleans.Sentiment.Inference;

/// <summary>
/// The inference queue, one lane per tenant, served fairly by tokens: each model call starts with the lane that has
/// received the fewest tokens of model time so far (start-time fair queuing) and, while the call has room, goes on to
/// the next-least-served lanes. A lane that falls idle loses its place: when it returns it starts level with the
/// least-served active lane, so idleness is not saved up as credit. Within a lane, texts are grouped by length as
/// <see cref="TextQueue"/> does. One flooding tenant therefore waits behind its own texts, never in front of another
/// tenant's. A call that starts with a light lane (a tenant with only a few texts waiting) takes only light lanes' texts:
/// a full call of a flooding tenant's texts would make the light tenant's wait several times longer, and on a CPU a
/// small call costs about its texts. Not thread-safe: the owner locks.
/// </summary>
internal sealed class FairTextQueue
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    /// <summary>Service of the least-served active lane, as last seen: where a returning lane starts.</summary>
    private double _virtualTime;

    /// <summary>Texts queued in all lanes.</summary>
    public int Count { get; private set; }

    /// <summary>Tokens of those texts, each times its model passes.</summary>
    public long Tokens { get; private set; }

    /// <summary>Lanes holding texts.</summary>
    public int ActiveLanes => _lanes.Count;

    /// <summary>Texts queued in one lane.</summary>
    public int CountOf(string lane) => _lanes.TryGetValue(lane, out var queued) ? queued.Queue.Count : 0;

    public void Add(PendingText text)
    {
        if (!_lanes.TryGetValue(text.Lane, out var lane))
        {
            lane = new Lane(LeastService());
            _lanes.Add(text.Lane, lane);
        }

        lane.Queue.Add(text);
        Count++;
        Tokens += text.Cost;
    }

    /// <summary>Drops a text that will not run (its call gave up). Idempotent.</summary>
    public void Remove(PendingText text)
    {
        if (text.Removed || !_lanes.TryGetValue(text.Lane, out var lane))
        {
            return;
        }

        lane.Queue.Remove(text);
        Count--;
        Tokens -= text.Cost;
        DropIfEmpty(text.Lane, lane);
    }

    /// <summary>The longest-waiting text of any lane.</summary>
    public PendingText? Oldest()
    {
        PendingText? oldest = null;
        foreach (var lane in _lanes.Values)
        {
            if (lane.Queue.Oldest() is { } candidate && (oldest is null || candidate.Sequence < oldest.Sequence))
            {
                oldest = candidate;
            }
        }

        return oldest;
    }

    /// <summary>
    /// Fills <paramref name="batch"/> from the least-served lanes (on a tie, the lane with less queued: a tenant that
    /// sends little is not kept behind one that sends much); when the first is light (at most
    /// <paramref name="lightLaneTexts"/> texts queued), from light lanes only. A lane whose oldest text was queued before
    /// <paramref name="starvedBefore"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) gives that text and
    /// its nearest-length neighbours instead of its shortest texts.
    /// </summary>
    public List<PendingText> TakeBatch(BatchBuilder batch, long starvedBefore, int lightLaneTexts = 0)
    {
        var lanes = _lanes.OrderBy(l => l.Value.Service).ThenBy(l => l.Value.Queue.Tokens).ToArray();
        var lightOnly = lanes.Length > 1 && lanes[0].Value.Queue.Count <= lightLaneTexts;
        foreach (var (name, lane) in lanes)
        {
            if (batch.IsFull)
            {
                break;
            }

            if (lightOnly && lane.Queue.Count > lightLaneTexts)
            {
                continue;
            }

            var tokensBefore = batch.RealTokens;
            var taken = lane.Queue.TakeInto(batch, aroundOldest: lane.Queue.Oldest()!.EnqueuedAt < starvedBefore);
            lane.Service += batch.RealTokens - tokensBefore;
            Count -= taken;
            Tokens -= batch.RealTokens - tokensBefore;
            DropIfEmpty(name, lane);
        }

        return batch.Texts;
    }

    private double LeastService() => _lanes.Count == 0 ? _virtualTime : _lanes.Values.Min(l => l.Service);

    private void DropIfEmpty(string name, Lane lane)
    {
        if (lane.Queue.Count == 0)
        {
            _lanes.Remove(name);
            _virtualTime = Math.Max(_virtualTime, _lanes.Count == 0 ? lane.Service : LeastService());
        }
    }

    private sealed class Lane(double service)
    {
        public TextQueue Queue { get; } = new();

        /// <summary>Tokens of model time this lane has received.</summary>
        public double Service { get; set; } = service;
    }
}

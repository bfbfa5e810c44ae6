namespace Orleans.Sentiment.Inference;

/// <summary>
/// Queued texts bucketed by token count, plus arrival order. Normally a batch is the shortest queued texts of
/// any caller, in ascending length, up to the text count or the padded-token budget: consecutive batches cut
/// the sorted queue into runs of similar length, as offline classification cuts a sorted chunk, so batches
/// carry little padding. When a text has waited too long, the batch is built around it instead (it and the
/// texts nearest in length), so none starves. Not thread-safe: the owner locks.
/// </summary>
internal sealed class TextQueue
{
    private readonly SortedDictionary<int, Queue<PendingText>> _buckets = [];
    private readonly Queue<PendingText> _arrival = new();

    /// <summary>Texts queued and not removed.</summary>
    public int Count { get; private set; }

    /// <summary>Tokens of those texts.</summary>
    public long Tokens { get; private set; }

    public void Add(PendingText text)
    {
        if (!_buckets.TryGetValue(text.Tokens, out var bucket))
        {
            bucket = new Queue<PendingText>();
            _buckets.Add(text.Tokens, bucket);
        }

        bucket.Enqueue(text);
        _arrival.Enqueue(text);
        Count++;
        Tokens += text.Tokens;
    }

    /// <summary>Drops a text that will not run (its call was cancelled). Idempotent.</summary>
    public void Remove(PendingText text)
    {
        if (!text.Removed)
        {
            text.Removed = true;
            Count--;
            Tokens -= text.Tokens;
        }
    }

    public PendingText? Oldest()
    {
        while (_arrival.TryPeek(out var head) && head.Removed)
        {
            _arrival.Dequeue();
        }

        return _arrival.TryPeek(out var oldest) ? oldest : null;
    }

    /// <summary>Takes the next batch within both limits: the shortest texts, or the oldest and its nearest-length neighbours.</summary>
    public List<PendingText> TakeBatch(int maxTexts, int maxTokens, bool aroundOldest = false)
    {
        var batch = new List<PendingText>();
        if (Oldest() is not { } oldest)
        {
            return batch;
        }

        if (!aroundOldest)
        {
            var width = 0;
            foreach (var length in _buckets.Keys.ToArray())
            {
                if (!TakeFrom(length, batch, ref width, maxTexts, maxTokens) || batch.Count >= maxTexts)
                {
                    break;
                }
            }

            foreach (var text in batch)
            {
                Remove(text);
            }

            return batch;
        }

        return TakeAround(oldest, batch, maxTexts, maxTokens);
    }

    private List<PendingText> TakeAround(PendingText oldest, List<PendingText> batch, int maxTexts, int maxTokens)
    {
        var lengths = _buckets.Keys.ToArray();
        var start = Array.BinarySearch(lengths, oldest.Tokens);
        var width = 0;
        var below = start - 1;
        var above = start + 1;
        var belowOpen = true;
        var aboveOpen = true;
        TakeFrom(oldest.Tokens, batch, ref width, maxTexts, maxTokens);
        while (batch.Count < maxTexts && (belowOpen || aboveOpen))
        {
            belowOpen = belowOpen && below >= 0;
            aboveOpen = aboveOpen && above < lengths.Length;
            if (!belowOpen && !aboveOpen)
            {
                break;
            }

            // The nearer length first; on a tie the shorter, which does not widen the batch.
            var goBelow = belowOpen && (!aboveOpen || oldest.Tokens - lengths[below] <= lengths[above] - oldest.Tokens);
            var length = goBelow ? lengths[below] : lengths[above];
            var complete = TakeFrom(length, batch, ref width, maxTexts, maxTokens);
            if (goBelow)
            {
                below--;
                belowOpen = complete;
            }
            else
            {
                above++;
                aboveOpen = complete;
            }
        }

        foreach (var text in batch)
        {
            Remove(text);
        }

        return batch;
    }

    /// <summary>Takes a bucket's texts in arrival order while they fit; true when the bucket was emptied.</summary>
    private bool TakeFrom(int length, List<PendingText> batch, ref int width, int maxTexts, int maxTokens)
    {
        if (!_buckets.TryGetValue(length, out var bucket))
        {
            return true;
        }

        while (bucket.TryPeek(out var text))
        {
            if (text.Removed)
            {
                bucket.Dequeue();
                continue;
            }

            var newWidth = Math.Max(width, length);
            var fits = batch.Count == 0 || (batch.Count < maxTexts && (long)(batch.Count + 1) * newWidth <= maxTokens);
            if (!fits)
            {
                return false;
            }

            bucket.Dequeue();
            batch.Add(text);
            width = newWidth;
        }

        _buckets.Remove(length);
        return true;
    }
}

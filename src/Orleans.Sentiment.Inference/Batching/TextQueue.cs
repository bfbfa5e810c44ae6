namespace Orleans.Sentiment.Inference;

/// <summary>
/// Queued texts bucketed by token count, plus arrival order. Normally a batch is the shortest queued texts of
/// any caller, in ascending length, up to the text count or the padded-token budget: consecutive batches cut
/// the sorted queue into runs of similar length, as offline classification cuts a sorted chunk, so batches
/// carry little padding. A batch that already holds <c>minTexts</c> stops before a longer text that would pad it
/// by more than <c>maxPadding</c> of its real tokens: on a CPU a model call costs about its padded tokens, so two
/// tight calls beat one loose one, and the longer texts wait for neighbours of their own length. When a text has
/// waited too long, the batch is built around it instead (it and the texts nearest in length), so none starves.
/// Not thread-safe: the owner locks.
/// </summary>
internal sealed class TextQueue
{
    private readonly SortedDictionary<int, Queue<PendingText>> _buckets = [];
    private readonly Queue<PendingText> _arrival = new();

    /// <summary>Texts queued and not removed.</summary>
    public int Count { get; private set; }

    /// <summary>Tokens of those texts, each times its model passes.</summary>
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
        Tokens += text.Cost;
    }

    /// <summary>Drops a text that will not run (its call was cancelled). Idempotent.</summary>
    public void Remove(PendingText text)
    {
        if (!text.Removed)
        {
            text.Removed = true;
            Count--;
            Tokens -= text.Cost;
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

    /// <summary>Takes the next batch within the limits: the shortest texts, or the oldest and its nearest-length neighbours.</summary>
    public List<PendingText> TakeBatch(int maxTexts, int maxTokens, bool aroundOldest = false, double maxPadding = double.PositiveInfinity, int minTexts = 1)
    {
        var batch = new BatchBuilder(maxTexts, maxTokens, maxPadding, minTexts);
        TakeInto(batch, aroundOldest);
        return batch.Texts;
    }

    /// <summary>
    /// Adds this queue's texts to <paramref name="batch"/> while they fit: the shortest first, or, when
    /// <paramref name="aroundOldest"/>, the oldest and the texts nearest its length. Returns how many were taken.
    /// </summary>
    public int TakeInto(BatchBuilder batch, bool aroundOldest)
    {
        if (Oldest() is not { } oldest)
        {
            return 0;
        }

        var before = batch.Texts.Count;
        if (aroundOldest)
        {
            TakeAround(oldest, batch);
        }
        else
        {
            foreach (var length in _buckets.Keys.ToArray())
            {
                if (!TakeFrom(length, batch) || batch.IsFull)
                {
                    break;
                }
            }
        }

        for (var i = before; i < batch.Texts.Count; i++)
        {
            Remove(batch.Texts[i]);
        }

        return batch.Texts.Count - before;
    }

    private void TakeAround(PendingText oldest, BatchBuilder batch)
    {
        var lengths = _buckets.Keys.ToArray();
        var start = Array.BinarySearch(lengths, oldest.Tokens);
        var below = start - 1;
        var above = start + 1;
        var belowOpen = true;
        var aboveOpen = true;
        TakeFrom(oldest.Tokens, batch);
        while (!batch.IsFull && (belowOpen || aboveOpen))
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
            var complete = TakeFrom(length, batch);
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
    }

    /// <summary>Takes a bucket's texts in arrival order while they fit; true when the bucket was emptied.</summary>
    private bool TakeFrom(int length, BatchBuilder batch)
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

            if (!batch.Admits(length, text.Passes))
            {
                return false;
            }

            bucket.Dequeue();
            batch.Add(text);
        }

        _buckets.Remove(length);
        return true;
    }
}

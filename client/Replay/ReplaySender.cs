using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Replay;

/// <summary>
/// Posts time-sorted comments to their sources, each when it falls due (<see cref="ReplayPace"/>). Everything due
/// at once is sent together, grouped by source in time order and cut into batches, so comments of equal time share a
/// request and a source receives its comments in time order. 429 and 503 are retried by <see cref="SiloApi"/>.
/// </summary>
internal sealed class ReplaySender(SiloApi api, string tenant, int batchSize, ReplayPace pace, TimeProvider time, Func<TimeSpan, CancellationToken, Task> delay)
{
    // Long waits are taken in pieces: Task.Delay refuses one of more than about 49 days.
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    /// <param name="comments">Sorted by time.</param>
    /// <param name="progress">Called after each request with the comments sent so far and the time of the last.</param>
    /// <returns>How many comments the silo accepted.</returns>
    public async Task<int> SendAsync(IReadOnlyList<ReplayComment> comments, Action<int, DateTimeOffset> progress, CancellationToken cancellationToken)
    {
        if (comments.Count == 0)
        {
            return 0;
        }

        var started = time.GetUtcNow();
        var first = comments[0].Timestamp;
        var accepted = 0;
        for (var next = 0; next < comments.Count;)
        {
            await WaitUntilAsync(Due(started, first, comments[next].Timestamp), cancellationToken);
            var end = DueEnd(comments, next, started, first);
            foreach (var source in comments.Skip(next).Take(end - next).GroupBy(c => c.Source))
            {
                foreach (var batch in source.Chunk(batchSize))
                {
                    var body = batch.Select(c => new IncomingComment(c.Id, c.Text, c.Timestamp)).ToArray();
                    // One key per batch, reused by every retry of it: the silo answers a repeat without counting it twice.
                    var answer = await api.PostCommentsAsync(tenant, source.Key, body, Guid.NewGuid().ToString("N"), cancellationToken);
                    accepted += answer.Accepted;
                    progress(accepted, batch[^1].Timestamp);
                }
            }

            next = end;
        }

        return accepted;
    }

    // The end of what is due now: at least every comment of the same time as the first, then whatever fell due meanwhile.
    private int DueEnd(IReadOnlyList<ReplayComment> comments, int next, DateTimeOffset started, DateTimeOffset first)
    {
        var now = time.GetUtcNow();
        var end = next + 1;
        while (end < comments.Count
               && (comments[end].Timestamp == comments[next].Timestamp || Due(started, first, comments[end].Timestamp) <= now))
        {
            end++;
        }

        return end;
    }

    // Saturates rather than overflows for a comment due beyond the calendar (a very slow replay of a long file).
    private DateTimeOffset Due(DateTimeOffset started, DateTimeOffset first, DateTimeOffset timestamp)
    {
        var after = pace.DueAfter(first, timestamp);
        return after >= DateTimeOffset.MaxValue - started ? DateTimeOffset.MaxValue : started + after;
    }

    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken cancellationToken)
    {
        for (var wait = due - time.GetUtcNow(); wait > TimeSpan.Zero; wait = due - time.GetUtcNow())
        {
            await delay(wait < MaxWait ? wait : MaxWait, cancellationToken);
        }
    }
}

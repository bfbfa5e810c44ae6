namespace Orleans.Sentiment.Grains.Caching;

/// <summary>
/// A silo's copy of a versioned cluster-wide value (the API key registry, the serving tenant model versions), so a
/// lookup costs no grain call. The copy is refreshed when it is older than the caller's maximum age, one refresh at
/// a time, by a fetch that returns null while the version did not change; while the fetch fails the last copy keeps
/// serving rather than failing every caller.
/// </summary>
/// <param name="fetch">Fetches the value when its version differs from the one given (-1 before the first fetch); null when it does not.</param>
/// <param name="time">The clock that ages the copy.</param>
/// <param name="refreshFailed">Told about a failed refresh that the last copy covered.</param>
public sealed class VersionedCopy<T>(Func<long, Task<(long Version, T Value)?>> fetch, TimeProvider time, Action<Exception> refreshFailed)
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Snapshot? _current;

    /// <summary>The copy as last fetched, or null before the first fetch.</summary>
    public Snapshot? Last => _current;

    /// <summary>The copy, fetched first when it is older than <paramref name="maxAge"/> or when <paramref name="force"/> says so.</summary>
    public async ValueTask<Snapshot> GetAsync(TimeSpan maxAge, bool force = false)
    {
        var current = _current;
        if (!force && IsFresh(current, maxAge))
        {
            return current!;
        }

        await _refreshing.WaitAsync();
        try
        {
            current = _current;
            if (!force && IsFresh(current, maxAge))
            {
                return current!;
            }

            var now = time.GetUtcNow();
            try
            {
                var fetched = await fetch(current?.Version ?? -1);
                current = fetched is { } value ? new Snapshot(value.Version, value.Value, now) : current! with { FetchedAt = now };
            }
            catch (Exception e) when (current is not null && e is not OperationCanceledException)
            {
                refreshFailed(e);
            }

            _current = current;
            return current!;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private bool IsFresh(Snapshot? snapshot, TimeSpan maxAge) => snapshot is not null && time.GetUtcNow() - snapshot.FetchedAt <= maxAge;

    public sealed record Snapshot(long Version, T Value, DateTimeOffset FetchedAt);
}

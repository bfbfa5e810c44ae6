using Microsoft.Extensions.Options;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// Comments in flight for the tenants whose ledger lives on this silo: admitted to the stream and not yet classified,
/// dead-lettered or dropped. Bounded by Ingestion:MaxInFlightPerSilo; the drain at shutdown waits for it to reach zero.
/// </summary>
public sealed class SiloInFlight(IOptions<IngestionLimitsOptions> options)
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Reserves room for <paramref name="count"/> comments, unless that would pass the silo's bound.</summary>
    public bool TryReserve(int count)
    {
        var limit = options.Value.MaxInFlightPerSilo;
        while (true)
        {
            var current = Interlocked.Read(ref _count);
            // One batch always fits an empty silo, so a batch larger than the bound cannot be refused forever.
            if (current > 0 && current + count > limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _count, current + count, current) == current)
            {
                return true;
            }
        }
    }

    public void Release(int count) => Interlocked.Add(ref _count, -count);

    /// <summary>Waits until nothing is in flight, or the token fires; true when drained.</summary>
    public async Task<bool> WaitForDrainAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        while (Count > 0)
        {
            try
            {
                // The count is changed by grains on other threads; polling keeps this free of callbacks into grain code.
                await Task.Delay(poll, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }
}

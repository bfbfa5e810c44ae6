using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// Comments in flight for the tenants whose ledger lives on this silo (admitted to the stream and not yet classified,
/// dead-lettered or dropped), per tenant, and the rate at which they complete. Admission decisions and reservations
/// happen under one lock, so concurrent tenants cannot overshoot the silo's bound together. The drain at shutdown
/// waits for the count to reach zero.
/// </summary>
public sealed class SiloInFlight(IOptions<IngestionOptions> options, PipelineClock clock)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _tenants = new(StringComparer.Ordinal);
    private readonly ThroughputMeter _meter = new();
    private long _count;

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Measured completions per busy second; null before the first measurement.</summary>
    public double? Rate
    {
        get
        {
            lock (_gate)
            {
                return _meter.Rate(clock.UtcNow);
            }
        }
    }

    /// <summary>Decides on <paramref name="count"/> more comments of <paramref name="tenant"/> and, if admitted, reserves room for them.</summary>
    /// <param name="tenant">The tenant asking.</param>
    /// <param name="tenantInFlight">Its comments in flight, from its ledger.</param>
    /// <param name="count">Comments the batch would add.</param>
    public Admission TryAdmit(string tenant, int tenantInFlight, int count)
    {
        lock (_gate)
        {
            var now = clock.UtcNow;
            var others = _tenants.Count - (_tenants.ContainsKey(tenant) ? 1 : 0);
            var admission = AdmissionPolicy.Decide(options.Value, new AdmissionPolicy.Load(_count, tenantInFlight, others, _meter.Rate(now)), count);
            if (admission.Admitted)
            {
                _meter.Record(now, _count, completed: 0);
                _count += count;
                _tenants[tenant] = _tenants.GetValueOrDefault(tenant) + count;
            }

            return admission;
        }
    }

    /// <summary>Returns room: <paramref name="completed"/> when the comments were classified or dead-lettered (they count towards the rate), not when they expired or were never published.</summary>
    public void Release(string tenant, int count, bool completed)
    {
        if (count <= 0)
        {
            return;
        }

        lock (_gate)
        {
            _meter.Record(clock.UtcNow, _count, completed ? count : 0);
            _count -= count;
            var left = _tenants.GetValueOrDefault(tenant) - count;
            if (left > 0)
            {
                _tenants[tenant] = left;
            }
            else
            {
                _tenants.Remove(tenant);
            }
        }
    }

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

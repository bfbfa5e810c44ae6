using System.Globalization;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// Whether a batch may enter the pipeline, from what the silo can classify in time. The silo's capacity is its measured
/// completion rate under load × <c>Ingestion:BacklogHorizon</c> (never below twice the in-flight count at which the rate
/// is measured, so it can always be measured again); before the first measurement it is <c>Ingestion:MinInFlight</c>.
/// Each tenant with comments in flight may hold an equal share of
/// it (429 beyond, with the time its share takes to make room), so the shares add up to the silo's capacity: a tenant
/// arriving at a silo that another fills gets its share at once, and the other is held back until it is within its
/// own. A tenant with nothing in flight may always send one batch, so no batch is refused forever for its size. The
/// configured <c>Ingestion:MaxInFlightPerTenant</c> caps a tenant and <c>Ingestion:MaxInFlightPerSilo</c> the silo
/// (503 beyond), whatever the rate.
/// </summary>
public static class AdmissionPolicy
{
    private static readonly TimeSpan ShortestRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryWithoutRate = TimeSpan.FromSeconds(2);

    /// <summary>What the silo knows when a tenant asks to add <c>count</c> comments.</summary>
    /// <param name="SiloInFlight">Comments in flight for every tenant whose ledger is on this silo.</param>
    /// <param name="TenantInFlight">The asking tenant's comments in flight.</param>
    /// <param name="OtherBusyTenants">Other tenants with comments in flight on this silo.</param>
    /// <param name="Rate">Measured completions per busy second; null before the first measurement.</param>
    public readonly record struct Load(long SiloInFlight, int TenantInFlight, int OtherBusyTenants, double? Rate);

    /// <summary>Comments the silo can classify within the horizon: its capacity.</summary>
    public static long Capacity(IngestionOptions limits, double? rate) => rate is { } measured
        ? Math.Max(2 * ThroughputMeter.SaturatedInFlight, (long)(measured * limits.BacklogHorizon.TotalSeconds))
        : limits.MinInFlight;

    public static Admission Decide(IngestionOptions limits, Load load, int count)
    {
        var capacity = Capacity(limits, load.Rate);
        var tenants = load.OtherBusyTenants + 1;
        var share = Math.Max(1, capacity / tenants);
        var tenantLimit = Math.Min(limits.MaxInFlightPerTenant, share);
        if (load.TenantInFlight > 0 && load.TenantInFlight + count > tenantLimit)
        {
            var excess = load.TenantInFlight + count - tenantLimit;
            return new Admission(AdmissionStatus.TenantBusy, RetryAfter(excess, load.Rate / tenants), string.Create(CultureInfo.InvariantCulture,
                $"The tenant has {load.TenantInFlight} comments in flight; its share is {tenantLimit}: {Describe(limits, load.Rate, capacity)}, shared by {tenants} busy tenant(s), at most Ingestion:MaxInFlightPerTenant ({limits.MaxInFlightPerTenant})."));
        }

        if (load.SiloInFlight > 0 && load.SiloInFlight + count > limits.MaxInFlightPerSilo)
        {
            var excess = load.SiloInFlight + count - limits.MaxInFlightPerSilo;
            return new Admission(AdmissionStatus.SiloBusy, RetryAfter(excess, load.Rate), string.Create(CultureInfo.InvariantCulture,
                $"The silo has {load.SiloInFlight} comments in flight; the most is Ingestion:MaxInFlightPerSilo ({limits.MaxInFlightPerSilo})."));
        }

        return Admission.Accept;
    }

    /// <summary>The time <paramref name="rate"/> takes to complete <paramref name="excess"/> comments, 1 to 30 s.</summary>
    private static TimeSpan RetryAfter(long excess, double? rate)
    {
        if (rate is not > 0)
        {
            return RetryWithoutRate;
        }

        var seconds = Math.Ceiling(excess / rate.Value);
        return TimeSpan.FromSeconds(Math.Clamp(seconds, ShortestRetry.TotalSeconds, LongestRetry.TotalSeconds));
    }

    private static string Describe(IngestionOptions limits, double? rate, long capacity) => rate is { } measured
        ? string.Create(CultureInfo.InvariantCulture, $"{capacity} comments, what this silo classifies in Ingestion:BacklogHorizon ({limits.BacklogHorizon}) at its measured {measured:F0} comments/s")
        : string.Create(CultureInfo.InvariantCulture, $"{capacity} comments (Ingestion:MinInFlight, until the silo has measured its completion rate)");
}

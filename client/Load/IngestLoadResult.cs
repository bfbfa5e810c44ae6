using System.Globalization;
using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Client.Load;

/// <summary>
/// What a load run measured. <see cref="Lost"/> (unaccounted) = accepted − classified − dead-lettered, and must be 0;
/// duplicates are redelivered or repeated comments the silos dropped by id.
/// </summary>
internal sealed record IngestLoadResult(
    [property: JsonPropertyName("clients")] int Clients,
    [property: JsonPropertyName("durationSeconds")] double DurationSeconds,
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("accepted")] long Accepted,
    [property: JsonPropertyName("rejectedByStatus")] IReadOnlyDictionary<string, long> RejectedByStatus,
    [property: JsonPropertyName("classified")] long Classified,
    [property: JsonPropertyName("deadLettered")] long DeadLettered,
    [property: JsonPropertyName("lost")] long Lost,
    [property: JsonPropertyName("acceptedPerSecond")] double AcceptedPerSecond,
    [property: JsonPropertyName("latencyP50Ms")] double LatencyP50Ms,
    [property: JsonPropertyName("latencyP99Ms")] double LatencyP99Ms,
    [property: JsonPropertyName("settled")] bool Settled,
    [property: JsonPropertyName("siloPeakRssBytes")] long? SiloPeakRssBytes,
    [property: JsonPropertyName("deadLetteredByReason")] IReadOnlyDictionary<string, long> DeadLetteredByReason,
    [property: JsonPropertyName("duplicates")] long Duplicates,
    [property: JsonPropertyName("peakInFlight")] long PeakInFlight,
    [property: JsonPropertyName("quietTenant")] QuietTenantResult? QuietTenant,
    [property: JsonPropertyName("silos")] IReadOnlyList<SiloMemory> Silos)
{
    public IEnumerable<string> Lines()
    {
        var invariant = CultureInfo.InvariantCulture;
        yield return string.Create(invariant, $"clients {Clients}, {DurationSeconds:F1} s, {Requests} requests");
        yield return string.Create(invariant, $"accepted      {Accepted} comments ({AcceptedPerSecond:F0}/s)");
        yield return "rejected      " + (RejectedByStatus.Count == 0 ? "none" : string.Join(", ", RejectedByStatus.Select(r => $"{r.Key}: {r.Value} requests")));
        yield return $"classified    {Classified}";
        yield return $"dead-lettered {DeadLettered}" + (DeadLetteredByReason.Count == 0 ? "" : " (" + string.Join(", ", DeadLetteredByReason.Select(r => $"{r.Key}: {r.Value}")) + ")");
        yield return $"unaccounted   {Lost}" + (Settled ? "" : " (the pipeline had not settled when the wait ended)");
        yield return string.Create(invariant, $"duplicates    {Duplicates} dropped by id ({(Accepted == 0 ? 0 : 100.0 * Duplicates / Accepted):F1}% of accepted)");
        yield return $"in flight     {PeakInFlight} at most (sampled)";
        if (QuietTenant is { } quiet)
        {
            yield return string.Create(invariant, $"quiet tenant  {quiet.Probes} probes, 202 to window p50 {quiet.WaitP50Ms:F0} ms, p99 {quiet.WaitP99Ms:F0} ms, max {quiet.WaitMaxMs:F0} ms")
                + (quiet.RefusedByStatus.Count == 0 ? "" : "; refused " + string.Join(", ", quiet.RefusedByStatus.Select(r => $"{r.Key}: {r.Value}")));
        }

        foreach (var silo in Silos)
        {
            yield return string.Create(invariant, $"silo RSS      {silo.Url}: start {Mib(silo.StartRssBytes)}, peak {Mib(silo.PeakRssBytes)}, after idle {Mib(silo.IdleRssBytes)}");
        }

        yield return string.Create(invariant, $"latency       p50 {LatencyP50Ms:F1} ms, p99 {LatencyP99Ms:F1} ms per request");
    }

    private static string Mib(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / (1024.0 * 1024):F0} MiB") : "unknown";
}

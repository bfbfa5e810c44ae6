using System.Globalization;
using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Client.Load;

/// <summary>What a load run measured. <see cref="Lost"/> = accepted − classified − dead-lettered, and must be 0.</summary>
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
    [property: JsonPropertyName("siloPeakRssBytes")] long? SiloPeakRssBytes)
{
    public IEnumerable<string> Lines()
    {
        var invariant = CultureInfo.InvariantCulture;
        yield return string.Create(invariant, $"clients {Clients}, {DurationSeconds:F1} s, {Requests} requests");
        yield return string.Create(invariant, $"accepted      {Accepted} comments ({AcceptedPerSecond:F0}/s)");
        yield return "rejected      " + (RejectedByStatus.Count == 0 ? "none" : string.Join(", ", RejectedByStatus.Select(r => $"{r.Key}: {r.Value} requests")));
        yield return $"classified    {Classified}";
        yield return $"dead-lettered {DeadLettered}";
        yield return $"lost          {Lost}" + (Settled ? "" : " (the pipeline had not settled when the wait ended)");
        yield return string.Create(invariant, $"latency       p50 {LatencyP50Ms:F1} ms, p99 {LatencyP99Ms:F1} ms per request");
        yield return SiloPeakRssBytes is { } rss ? string.Create(invariant, $"silo peak RSS {rss / (1024.0 * 1024):F0} MiB") : "silo peak RSS unknown (no orleans_sentiment_process_peak_rss_bytes on /metrics)";
    }
}

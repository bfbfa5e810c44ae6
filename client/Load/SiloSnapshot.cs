namespace Orleans.Sentiment.Client.Load;

/// <summary>What one silo's <c>/metrics</c> says at one moment, as the ingestion benchmark reads it.</summary>
internal sealed record SiloSnapshot(long? RssBytes, long? PeakRssBytes, long Duplicates, IReadOnlyDictionary<string, double> FailedByReason, long InFlight)
{
    public static async Task<SiloSnapshot> ReadAsync(HttpClient http, Uri silo, CancellationToken cancellationToken)
    {
        var metrics = await http.GetStringAsync(new Uri(silo, "metrics"), cancellationToken);
        long? Bytes(string name) => metrics.Contains(name + " ", StringComparison.Ordinal) || metrics.Contains(name + "{", StringComparison.Ordinal)
            ? (long)PrometheusText.Sum(metrics, name)
            : null;
        return new SiloSnapshot(
            Bytes("orleans_sentiment_process_rss_bytes"),
            Bytes("orleans_sentiment_process_peak_rss_bytes"),
            (long)PrometheusText.Sum(metrics, "orleans_sentiment_comments_duplicate_total"),
            PrometheusText.SumBy(metrics, "orleans_sentiment_comments_failed_total", "reason"),
            (long)PrometheusText.Sum(metrics, "orleans_sentiment_inflight_comments"));
    }
}

using System.Diagnostics.Metrics;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Grains.Sources;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// The project's own instruments (meter "Orleans.Sentiment"). Tenant and source ids are never tags: they are
/// unbounded and would explode the number of series.
/// </summary>
public sealed class SentimentMetrics
{
    private readonly Counter<long> _ingested;
    private readonly Counter<long> _classified;
    private readonly Counter<long> _languages;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _alertsRaised;
    private readonly Counter<long> _alertsSent;
    private readonly Counter<long> _alertsFailed;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _latency;
    private readonly Histogram<long> _batchTokens;
    private readonly Histogram<double> _paddingRatio;
    private Func<int>? _inferenceQueueDepth;
    private readonly Counter<long> _adapterCache;
    private readonly Counter<long> _adapterEvictions;
    private Func<int>? _loadedAdapters;
    private readonly Counter<long> _requestsRejected;

    public SentimentMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Constants.MeterName);
        _ingested = meter.CreateCounter<long>("orleans_sentiment_comments_ingested", "{comment}", "Comments accepted by the ingestion endpoint and handed to the stream.");
        _classified = meter.CreateCounter<long>("orleans_sentiment_comments_classified", "{comment}", "Comments classified, by model and label.");
        _languages = meter.CreateCounter<long>("orleans_sentiment_comments_language", "{comment}", "Classified comments by identified language: ISO 639-1 codes of the Languages:Candidates (at most 75), or und where none could be told.");
        _duplicates = meter.CreateCounter<long>("orleans_sentiment_comments_duplicate", "{comment}", "Redelivered or repeated comments dropped by id.");
        _failed = meter.CreateCounter<long>("orleans_sentiment_comments_failed", "{comment}", "Accepted comments that could not be classified and went to the tenant's dead-letter store, by reason.");
        _alertsRaised = meter.CreateCounter<long>("orleans_sentiment_alerts_raised", "{alert}", "Spike and recovery alerts raised, by kind.");
        _alertsSent = meter.CreateCounter<long>("orleans_sentiment_alerts_sent", "{alert}", "Alerts delivered to a webhook.");
        _alertsFailed = meter.CreateCounter<long>("orleans_sentiment_alerts_failed", "{alert}", "Alerts that could not be delivered after all retries.");
        _batchSize = meter.CreateHistogram<int>("orleans_sentiment_classification_batch_size", "{comment}", "Texts per model call.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] });
        _requestsRejected = meter.CreateCounter<long>("orleans_sentiment_requests_rejected", "{request}", "HTTP requests refused before any work, by status (401, 403, 413, 415, 429, 503).");
        _latency = meter.CreateHistogram<double>("orleans_sentiment_classification_duration", "s", "Time of one model call.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

        // Inference service (throughput): queue, padded tokens per call, padding per real token.
        meter.CreateObservableGauge("orleans_sentiment_inference_queue_depth", () => _inferenceQueueDepth?.Invoke() ?? 0, "{text}", "Texts waiting for a model call in this silo.");
        _batchTokens = meter.CreateHistogram<long>("orleans_sentiment_inference_batch_tokens", "{token}", "Padded tokens (texts × longest text) per model call.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [16, 64, 256, 512, 1024, 2048, 4096, 8192, 16384, 65536, 262144] });
        _paddingRatio = meter.CreateHistogram<double>("orleans_sentiment_inference_padding_ratio", null, "Padding tokens per real token in a model call (0: no padding).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5] });
        // Tenant model adapters on the shared encoders: slot hits and loads, evictions, adapters held.
        _adapterCache = meter.CreateCounter<long>("orleans_sentiment_adapter_cache_requests", "{request}", "Tenant model adapters a model call needed, by result: hit (already in a bank slot) or miss (loaded into one).");
        _adapterEvictions = meter.CreateCounter<long>("orleans_sentiment_adapter_evictions", "{adapter}", "Tenant model adapters evicted from a bank slot to make room (least recently used).");
        meter.CreateObservableGauge("orleans_sentiment_adapters_loaded", () => _loadedAdapters?.Invoke() ?? 0, "{adapter}", "Tenant model adapters held in this silo's shared-encoder banks.");

        // Counters of rare events are exported at 0 from the start: a series that first appears at 1 hides that
        // first event from Prometheus' increase()/rate(), and dashboards would show "no data" instead of 0.
        _ingested.Add(0);
        _duplicates.Add(0);
        _alertsSent.Add(0);
        _alertsFailed.Add(0);
        AdapterUsed(hit: true, 0);
        AdapterUsed(hit: false, 0);
        _adapterEvictions.Add(0);
        Failed(CommentClassifier.ModelErrorReason, 0);
        Failed(CommentClassifier.UnavailableReason, 0);
        foreach (var kind in Enum.GetValues<AlertKind>())
        {
            AlertRaised(kind, 0);
        }

        foreach (var status in new[] { 401, 403, 413, 415, 429, 503 })
        {
            _requestsRejected.Add(0, new KeyValuePair<string, object?>("status", status));
        }
    }

    /// <summary>The model and label of every tenant model's predictions in the classified counter.</summary>
    public const string TenantModelSeries = "tenant";

    public void Ingested(int count) => _ingested.Add(count);

    /// <summary>
    /// Counts one prediction. Tenant models ("tenant:model") and their labels are the tenants' own names, unbounded in
    /// number and naming the tenant: they are all counted under one series, model and label "tenant".
    /// </summary>
    public void Classified(string model, string label)
    {
        var tenantModel = model.Contains(':', StringComparison.Ordinal);
        _classified.Add(1, new KeyValuePair<string, object?>("model", tenantModel ? TenantModelSeries : model), new KeyValuePair<string, object?>("label", tenantModel ? TenantModelSeries : label));
    }

    /// <summary>Counts one comment's language: the detector only names its candidates, so the series stay few.</summary>
    public void LanguageIdentified(string? code) => _languages.Add(1, new KeyValuePair<string, object?>("language", code ?? "und"));

    public void Duplicates(int count) => _duplicates.Add(count);

    public void Failed(string reason, int count) => _failed.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public void AlertRaised(AlertKind kind) => AlertRaised(kind, 1);

    public void AlertSent() => _alertsSent.Add(1);

    public void AlertFailed() => _alertsFailed.Add(1);

    /// <summary>Reads the inference queue depth when the gauge is collected.</summary>
    public void ObserveInferenceQueue(Func<int> depth) => _inferenceQueueDepth = depth;

    /// <summary>Reads the number of loaded tenant model adapters when the gauge is collected.</summary>
    public void ObserveLoadedAdapters(Func<int> loaded) => _loadedAdapters = loaded;

    /// <summary>A model call found a tenant adapter in its bank (hit) or loaded it into a slot (miss).</summary>
    public void AdapterUsed(bool hit) => AdapterUsed(hit, 1);

    public void AdapterEvicted() => _adapterEvictions.Add(1);

    public void InferenceBatch(InferenceBatchStats batch)
    {
        BatchClassified(batch.Texts, batch.Elapsed);
        _batchTokens.Record(batch.PaddedTokens);
        _paddingRatio.Record(batch.PaddingRatio);
    }
    /// <summary>A request refused for authentication, size, media type, rate or capacity; the status is the only tag.</summary>
    public void RequestRejected(int status) => _requestsRejected.Add(1, new KeyValuePair<string, object?>("status", status));

    public void BatchClassified(int size, TimeSpan elapsed)
    {
        _batchSize.Record(size);
        _latency.Record(elapsed.TotalSeconds);
    }

    private void AdapterUsed(bool hit, int count) =>
        _adapterCache.Add(count, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    private void AlertRaised(AlertKind kind, int count) =>
        _alertsRaised.Add(count, new KeyValuePair<string, object?>("kind", kind.ToString().ToLowerInvariant()));
}

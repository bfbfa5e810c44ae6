using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Silo.Http.Responses;

/// <summary>One comment in an ingestion request.</summary>
public sealed record IncomingComment(string? Id, string? Text, DateTimeOffset? Timestamp);

public sealed record IngestResponse(int Accepted, IReadOnlyList<string> Ids);

public sealed record ClassifyRequest(IReadOnlyList<string?>? Texts);

/// <summary>A prediction as the HTTP API shows it (BRIEF §3).</summary>
public sealed record PredictionDto(string Label, float Score, IReadOnlyDictionary<string, float> Scores, float[] Logits)
{
    public static PredictionDto From(ModelPrediction p) => new(p.Label, p.Score, p.Scores, p.Logits);
}

public sealed record ClassifiedItemDto(string? Id, string? Text, DateTimeOffset? Timestamp, IReadOnlyDictionary<string, PredictionDto> Predictions)
{
    public static ClassifiedItemDto From(ClassifiedComment c) =>
        new(c.Id, c.Text, c.Timestamp, c.Predictions.ToDictionary(p => p.Key, p => PredictionDto.From(p.Value)));
}

public sealed record ClassifyResponse(IReadOnlyList<ClassifiedItemDto> Results);

public sealed record CommentsResponse(IReadOnlyList<ClassifiedItemDto> Comments);

/// <summary>
/// The alert policy as the HTTP API reads and writes it; absent fields take their defaults. Answers show the
/// webhook URL masked (scheme and host only): its path is the webhook's secret.
/// </summary>
public sealed record AlertPolicyDto(int? WindowSize, double? Threshold, int? MinCount, string? Cooldown, string? WebhookUrl, string? WindowDuration = null, bool? ExportMetrics = null)
{
    public static AlertPolicyDto From(AlertPolicy p) =>
        new(p.WindowSize, p.Threshold, p.MinCount, System.Xml.XmlConvert.ToString(p.Cooldown), Grains.Alerts.WebhookUrlPolicy.Mask(p.WebhookUrl),
            p.WindowDuration is { } d ? System.Xml.XmlConvert.ToString(d) : null, p.ExportMetrics);
}

/// <summary>A source's window as the HTTP API shows it; <c>windowDuration</c> is null for a count-only window.</summary>
public sealed record WindowDto(
    int Count,
    IReadOnlyDictionary<string, int> LabelCounts,
    int NegativeCount,
    double NegativeRatio,
    bool Alerting,
    int WindowSize,
    string? WindowDuration,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ModelLabelCounts)
{
    public static WindowDto From(WindowSnapshot w) =>
        new(w.Count, w.LabelCounts, w.NegativeCount, w.NegativeRatio, w.Alerting, w.WindowSize,
            w.WindowDuration is { } d ? System.Xml.XmlConvert.ToString(d) : null, w.ModelLabelCounts);
}

public sealed record SourcesResponse(IReadOnlyList<string> Sources);

/// <summary>One alert of a source's history; <c>kind</c> and <c>delivery</c> are lower camel case words.</summary>
public sealed record AlertRecordDto(string Kind, DateTimeOffset At, int NegativeCount, int Count, int WindowSize, double Threshold, string Delivery, int Attempts, DateTimeOffset? DeliveredAt)
{
    public static AlertRecordDto From(AlertRecord r) =>
        new(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Kind.ToString()), r.At, r.NegativeCount, r.Count, r.WindowSize, r.Threshold,
            System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Delivery.ToString()), r.Attempts, r.DeliveredAt);
}

public sealed record AlertsResponse(IReadOnlyList<AlertRecordDto> Alerts);

public sealed record DeadLettersResponse(long Total, IReadOnlyList<DeadLetter> DeadLetters);

public sealed record CorrectionRequest(string? Id, string? Text, string? Label, string? Source);

public sealed record CreatedKey(string Id, string Key);

public sealed record KeyInfo(string Id, DateTimeOffset CreatedAt);

public sealed record KeyList(IReadOnlyList<KeyInfo> Keys);

public sealed record WhoAmIResponse([property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? Tenant, bool Admin, string AuthMode);

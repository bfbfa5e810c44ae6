using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Silo.Endpoints;

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
public sealed record AlertPolicyDto(int? WindowSize, double? Threshold, int? MinCount, string? Cooldown, string? WebhookUrl)
{
    public static AlertPolicyDto From(AlertPolicy p) =>
        new(p.WindowSize, p.Threshold, p.MinCount, System.Xml.XmlConvert.ToString(p.Cooldown), Grains.Alerts.WebhookUrlPolicy.Mask(p.WebhookUrl));
}

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Orleans.Sentiment.HttpApi;

public sealed record ClassifyRequest([property: Required] IReadOnlyList<string?>? Texts);

public sealed record ClassifyResponse(IReadOnlyList<ClassifiedItemDto> Results);

/// <summary>One model's answer for one text.</summary>
public sealed record PredictionDto(
    string Label,
    float Score,
    [property: Description("Every label's probability.")] IReadOnlyDictionary<string, float> Scores,
    float[] Logits);

/// <summary>A classified text: a recent comment of a source (with id and timestamp) or a classify result (text only), with each model's prediction by model name.</summary>
public sealed record ClassifiedItemDto(string? Id, string? Text, DateTimeOffset? Timestamp, IReadOnlyDictionary<string, PredictionDto> Predictions)
{
    [Description("The text's language; null where none could be told (no words) or identification is off (Languages:Detection).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public LanguageDto? Language { get; init; }
}

/// <summary>An identified language: ISO 639-1 code and the detector's confidence, 0-1.</summary>
public sealed record LanguageDto(string Code, float Confidence);

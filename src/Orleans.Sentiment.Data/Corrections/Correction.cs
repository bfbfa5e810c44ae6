using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Data.Corrections;

/// <summary>
/// A human-corrected label for one comment: one JSONL row of a tenant's corrections file,
/// <c>{ "text", "label", "id"?, "source"?, "correctedAt" }</c>.
/// </summary>
public sealed record Correction(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("correctedAt")] DateTimeOffset CorrectedAt,
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("source")] string? Source = null);

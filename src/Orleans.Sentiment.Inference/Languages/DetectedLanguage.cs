namespace Orleans.Sentiment.Inference.Languages;

/// <summary>The language a comment was identified as: its ISO 639-1 code and the detector's confidence (0–1).</summary>
[GenerateSerializer, Immutable, Alias("sentiment.DetectedLanguage")]
public sealed record DetectedLanguage([property: Id(0)] string Code, [property: Id(1)] float Confidence);

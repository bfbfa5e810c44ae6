using System.Text.Json.Serialization;

namespace Orleans.Sentiment.Training.Evaluation;

/// <summary>Precision, recall and F1 of one label; <see cref="Support"/> counts its true occurrences.</summary>
public sealed record LabelScores(
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("support")] int Support);

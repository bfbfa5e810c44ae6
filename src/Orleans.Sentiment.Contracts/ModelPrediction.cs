namespace Orleans.Sentiment.Contracts;

/// <summary>One model's answer for one text: most probable label, its probability, every label's probability and the raw logits.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.ModelPrediction")]
public sealed record ModelPrediction(
    [property: Id(0)] string Label,
    [property: Id(1)] float Score,
    [property: Id(2)] IReadOnlyDictionary<string, float> Scores,
    [property: Id(3)] float[] Logits);

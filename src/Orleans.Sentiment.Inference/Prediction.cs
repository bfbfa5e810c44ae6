namespace Orleans.Sentiment.Inference;

/// <summary>One model's answer for one text.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Score">Probability of <paramref name="Label"/>.</param>
/// <param name="Scores">Probability of every label (softmax, or sigmoid for multi-label models).</param>
/// <param name="Logits">Raw model outputs, in label-id order, for comparison with other runtimes.</param>
/// <param name="TokenCount">Tokens fed to the model, special tokens included.</param>
/// <remarks>Its alias and field ids are those of the grain contract's former prediction type, which stored comments hold.</remarks>
[GenerateSerializer, Immutable, Alias("sentiment.ModelPrediction")]
public sealed record Prediction(
    [property: Id(0)] string Label,
    [property: Id(1)] float Score,
    [property: Id(2)] IReadOnlyDictionary<string, float> Scores,
    [property: Id(3)] float[] Logits,
    [property: Id(4)] int TokenCount);

namespace Orleans.Sentiment.Inference;

/// <summary>One model's answer for one text.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Score">Probability of <paramref name="Label"/>.</param>
/// <param name="Scores">Probability of every label (softmax, or sigmoid for multi-label models).</param>
/// <param name="Logits">Raw model outputs, in label-id order, for comparison with other runtimes.</param>
/// <param name="TokenCount">Tokens fed to the model, special tokens included.</param>
public sealed record Prediction(
    string Label,
    float Score,
    IReadOnlyDictionary<string, float> Scores,
    float[] Logits,
    int TokenCount);

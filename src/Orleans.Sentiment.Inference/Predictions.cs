namespace Orleans.Sentiment.Inference;

/// <summary>Turns a model's logits into its <see cref="Prediction"/>: softmax (or sigmoid for multi-label), the best label first.</summary>
public static class Predictions
{
    public static Prediction FromLogits(IReadOnlyList<string> labels, ProblemType problemType, float[] logits, int tokenCount, float[]? embedding = null)
    {
        var probabilities = problemType == ProblemType.MultiLabel ? Activations.Sigmoid(logits) : Activations.Softmax(logits);
        var best = 0;
        var scores = new Dictionary<string, float>(labels.Count);
        for (var i = 0; i < probabilities.Length; i++)
        {
            scores[labels[i]] = probabilities[i];
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return new Prediction(labels[best], probabilities[best], scores, logits, tokenCount, embedding);
    }
}

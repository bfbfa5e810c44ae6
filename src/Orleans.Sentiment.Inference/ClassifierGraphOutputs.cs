namespace Orleans.Sentiment.Inference;

/// <summary>
/// The outputs of the sequence-classifier graphs the project writes (built-in, synthesized and trained models), named
/// here so the graph writer and <see cref="OnnxTextClassifier"/> agree by construction.
/// </summary>
public static class ClassifierGraphOutputs
{
    /// <summary>[batch, labels]: the classifier's raw outputs.</summary>
    public const string Logits = "logits";

    /// <summary>
    /// [batch, hidden]: the attention-masked mean of the last hidden state, the sentence embedding of sentence-transformers'
    /// mean pooling, not normalised: its length is left for the consumer (cosine similarity ignores it). Graphs from
    /// elsewhere (the hub) usually lack it.
    /// </summary>
    public const string MeanPooled = "mean_pooled";
}

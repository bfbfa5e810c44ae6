namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// What a transformer graph computes on top of the encoder. Both classification heads output the logits and the
/// mean-pooled sentence embedding (<c>mean_pooled</c>) of the same forward pass.
/// </summary>
public enum TransformerHead
{
    /// <summary>The family's Hugging Face sequence-classification head on the first token (pooler/pre_classifier/classifier.dense, then the classifier).</summary>
    SequenceClassification,

    /// <summary>
    /// Sentence-transformers mean pooling over the real (unpadded) tokens, then <c>classifier</c> (a linear layer), with an
    /// optional <c>pre_classifier</c> + ReLU before it when the weights hold one: the frozen-encoder head of <c>train --method head</c>.
    /// </summary>
    MeanPooling,

    /// <summary>Only the mean-pooled sentence embedding (output <c>sentence_embedding</c>, width = hidden size): features for head training.</summary>
    MeanPooledEmbedding,

    /// <summary>
    /// No head: the first token's and the attention-masked mean of the last hidden state (outputs <c>cls_hidden</c> and
    /// <c>mean_pooled</c>), for heads applied outside the graph (per-tenant heads on a shared encoder).
    /// </summary>
    PooledHidden,
}

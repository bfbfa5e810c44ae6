namespace Orleans.Sentiment.Inference;

public enum ProblemType
{
    /// <summary>Exactly one label per text: softmax over the logits.</summary>
    SingleLabel,

    /// <summary>Any number of labels per text: independent sigmoid per logit.</summary>
    MultiLabel,
}

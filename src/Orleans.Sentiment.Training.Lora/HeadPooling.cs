namespace Orleans.Sentiment.Training.Lora;

/// <summary>What the classification head reads from the last hidden state.</summary>
public enum HeadPooling
{
    /// <summary>The family's standard head on the first token (BERT: pooler + tanh, then the classifier).</summary>
    Cls,

    /// <summary>The attention-masked mean of all tokens, then a linear classifier (what sentence encoders were trained for).</summary>
    Mean,
}

namespace Orleans.Sentiment.Training.Lora;

/// <summary>One text's token ids and its target vector (one-hot, or multi-hot for multi-label data).</summary>
internal sealed record TokenizedExample(int[] Ids, float[] Target, int Index);

namespace Orleans.Sentiment.Inference;

/// <summary>How an ONNX model is run.</summary>
public sealed record OnnxClassifierOptions
{
    /// <summary>Threads one inference call may use; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>Texts per ONNX Runtime call; larger inputs are split.</summary>
    public int MaxBatchSize { get; init; } = 32;

    /// <summary>Longest token sequence fed to the model; null uses the tokenizer's model maximum.</summary>
    public int? MaxSequenceLength { get; init; }

    /// <summary>ONNX file variant: null for <c>model.onnx</c>, "quantized" for <c>model_quantized.onnx</c>.</summary>
    public string? Variant { get; init; }
}

using Orleans.Sentiment.Inference.Execution;

namespace Orleans.Sentiment.Inference;

/// <summary>How an ONNX model is run.</summary>
public sealed record OnnxClassifierOptions
{
    /// <summary>Threads one inference call may use; 0 uses the machine's physical cores (<see cref="MachineCores"/>).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>
    /// Whether ONNX Runtime's threads spin between calls. Off by default: spinning wins a little in a process
    /// that only runs the model and costs much where the same cores also feed it (HTTP, grains, tokenizing).
    /// </summary>
    public bool AllowSpinning { get; init; }

    /// <summary>Padded tokens (texts × longest text) per ONNX Runtime call; 0 for no limit beyond <see cref="MaxBatchSize"/>.</summary>
    public int MaxBatchTokens { get; init; }

    /// <summary>Where the model runs: <c>cpu</c> or a CUDA device.</summary>
    public InferenceDevice Device { get; init; } = InferenceDevice.Cpu;

    /// <summary>Run on the CPU when <see cref="Device"/> names CUDA and CUDA cannot be used (otherwise that is an error).</summary>
    public bool CudaFallbackToCpu { get; init; }

    /// <summary>Texts per ONNX Runtime call; larger inputs are split into batches of similar length.</summary>
    public int MaxBatchSize { get; init; } = 32;

    /// <summary>Longest token sequence fed to the model; null uses the tokenizer's model maximum.</summary>
    public int? MaxSequenceLength { get; init; }

    /// <summary>
    /// ONNX file variant: null for <c>model.onnx</c>, "quantized" (or "q8") for <c>model_quantized.onnx</c>,
    /// any other V for <c>model_V.onnx</c>.
    /// </summary>
    public string? Variant { get; init; }

    /// <summary>Throws with a message naming the setting when a value cannot work.</summary>
    public void Validate()
    {
        if (IntraOpThreads < 0)
        {
            throw new ArgumentException($"{nameof(OnnxClassifierOptions)}.{nameof(IntraOpThreads)} must be 0 (ONNX Runtime decides) or more; it is {IntraOpThreads}.");
        }

        if (MaxBatchSize < 1)
        {
            throw new ArgumentException($"{nameof(OnnxClassifierOptions)}.{nameof(MaxBatchSize)} must be at least 1; it is {MaxBatchSize}.");
        }

        if (MaxBatchTokens < 0)
        {
            throw new ArgumentException($"{nameof(OnnxClassifierOptions)}.{nameof(MaxBatchTokens)} must be 0 (no limit) or more; it is {MaxBatchTokens}.");
        }

        if (MaxSequenceLength is < 2)
        {
            throw new ArgumentException($"{nameof(OnnxClassifierOptions)}.{nameof(MaxSequenceLength)} must leave room for the two special tokens (at least 2); it is {MaxSequenceLength}.");
        }
    }
}

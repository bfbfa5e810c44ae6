using Orleans.Sentiment.Inference.Execution;

namespace Orleans.Sentiment.Inference;

/// <summary>How one model's ONNX Runtime session runs (how calls are batched is <see cref="InferenceOptions"/>'s).</summary>
public sealed record OnnxClassifierOptions
{
    /// <summary>Threads one inference call may use; 0 uses the machine's physical cores (<see cref="MachineCores"/>).</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>
    /// Whether ONNX Runtime's threads spin between calls. Off by default: spinning wins a little in a process
    /// that only runs the model and costs much where the same cores also feed it (HTTP, grains, tokenizing).
    /// </summary>
    public bool AllowSpinning { get; init; }

    /// <summary>Where the model runs: <c>cpu</c> or a CUDA device.</summary>
    public InferenceDevice Device { get; init; } = InferenceDevice.Cpu;

    /// <summary>Run on the CPU when <see cref="Device"/> names CUDA and CUDA cannot be used (otherwise that is an error).</summary>
    public bool CudaFallbackToCpu { get; init; }

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

        if (MaxSequenceLength is < 2)
        {
            throw new ArgumentException($"{nameof(OnnxClassifierOptions)}.{nameof(MaxSequenceLength)} must leave room for the two special tokens (at least 2); it is {MaxSequenceLength}.");
        }
    }
}

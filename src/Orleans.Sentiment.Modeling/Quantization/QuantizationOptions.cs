namespace Orleans.Sentiment.Modeling.Quantization;

/// <summary>How weights are quantized.</summary>
public sealed record QuantizationOptions
{
    /// <summary>
    /// 7-bit weights (±63) instead of 8-bit (±127). Needed only on x86 CPUs without VNNI (AVX2 and AVX-512
    /// without VNNI), whose u8×s8 instruction saturates; AVX-512 VNNI and AVX-VNNI do not, so the default is off.
    /// </summary>
    public bool ReduceRange { get; init; }

    /// <summary>Weights with fewer output columns than this stay in float (the classification head: tiny, and where precision shows).</summary>
    public int MinColumns { get; init; } = 16;

    /// <summary>Weights with fewer input rows than this stay in float.</summary>
    public int MinRows { get; init; } = 16;
}

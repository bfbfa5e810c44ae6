namespace Orleans.Sentiment.Modeling.Quantization;

/// <summary>What a quantization pass changed.</summary>
/// <param name="QuantizedMatMuls">MatMul nodes now computed in int8.</param>
/// <param name="SkippedMatMuls">MatMul nodes left in float (no constant 2-D weight, or too small).</param>
/// <param name="QuantizedWeights">Weight tensors stored as int8.</param>
/// <param name="BytesBefore">Size of the float graph.</param>
/// <param name="BytesAfter">Size of the quantized graph.</param>
public sealed record QuantizationReport(int QuantizedMatMuls, int SkippedMatMuls, int QuantizedWeights, long BytesBefore, long BytesAfter);

namespace Orleans.Sentiment.Modeling.Quantization;

/// <summary>A weight matrix quantized per output column: int8 values, one float scale per column, zero points 0.</summary>
public sealed record QuantizedWeight(sbyte[] Values, float[] Scales, int Rows, int Columns);

/// <summary>
/// Symmetric per-column (per-channel) int8 quantization of a MatMul weight stored as [rows = inputs, columns =
/// outputs]: each column's scale maps its largest magnitude to the top of the range, so zero stays exact.
/// </summary>
public static class WeightQuantizer
{
    public static QuantizedWeight Quantize(ReadOnlySpan<float> weight, int rows, int columns, bool reduceRange = false)
    {
        if (weight.Length != rows * columns)
        {
            throw new ArgumentException($"A {rows}×{columns} weight needs {rows * columns} values, not {weight.Length}.", nameof(weight));
        }

        var limit = reduceRange ? 63 : 127;
        var absMax = new float[columns];
        for (var r = 0; r < rows; r++)
        {
            var row = weight.Slice(r * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                absMax[c] = Math.Max(absMax[c], Math.Abs(row[c]));
            }
        }

        var scales = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            scales[c] = absMax[c] > 0 && float.IsFinite(absMax[c]) ? absMax[c] / limit : 1f;
        }

        var values = new sbyte[weight.Length];
        for (var r = 0; r < rows; r++)
        {
            var offset = r * columns;
            for (var c = 0; c < columns; c++)
            {
                var q = MathF.Round(weight[offset + c] / scales[c], MidpointRounding.ToEven);
                values[offset + c] = (sbyte)Math.Clamp(q, -limit, limit);
            }
        }

        return new QuantizedWeight(values, scales, rows, columns);
    }
}

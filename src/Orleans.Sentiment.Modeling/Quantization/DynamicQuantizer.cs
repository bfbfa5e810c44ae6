using System.Runtime.InteropServices;
using Google.Protobuf;
using Orleans.Sentiment.Modeling.Onnx.Proto;

namespace Orleans.Sentiment.Modeling.Quantization;

/// <summary>
/// Dynamic int8 quantization of an ONNX graph, in the shape onnxruntime.quantization.quantize_dynamic writes
/// (IntegerOps mode, per-channel int8 weights): every MatMul whose second input is a constant 2-D float
/// weight becomes
/// <code>
/// DynamicQuantizeLinear(x) → x_q (uint8), x_scale, x_zero_point     (one per activation, shared)
/// MatMulInteger(x_q, W_q (int8 [K,N]), x_zero_point, W_zero_point (int8 [N], zeros)) → int32
/// Cast(to float) · Mul(x_scale, W_scale [N]) → y
/// </code>
/// ONNX Runtime's graph optimizer fuses that into MatMulIntegerToFloat (taking the following bias Add with
/// it) or DynamicQuantizeMatMul, which run on MLAS's u8×s8 kernels (AVX-512 VNNI where the CPU has it).
/// Activations are quantized per call from their actual range, so no calibration data is needed.
/// Embedding tables, attention score products (no constant weight), LayerNorm and the small head stay float.
/// </summary>
public static class DynamicQuantizer
{
    private const int MinimumOpset = 11;

    public static byte[] Quantize(byte[] model, QuantizationOptions options, out QuantizationReport report)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        report = Quantize(proto, options, model.LongLength);
        var bytes = proto.ToByteArray();
        report = report with { BytesAfter = bytes.LongLength };
        return bytes;
    }

    internal static QuantizationReport Quantize(ModelProto model, QuantizationOptions options, long bytesBefore)
    {
        var opset = model.OpsetImport.FirstOrDefault(o => string.IsNullOrEmpty(o.Domain))?.Version ?? 0;
        if (opset < MinimumOpset)
        {
            throw new QuantizationException($"The graph uses ONNX opset {opset}; dynamic quantization needs opset {MinimumOpset} or newer (DynamicQuantizeLinear). Re-export the model with a newer opset.");
        }

        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var consumers = CountConsumers(graph);
        var producedByAdd = graph.Node.Where(n => n.OpType == "Add" && string.IsNullOrEmpty(n.Domain)).ToList();
        var quantizedWeights = new Dictionary<string, (string Values, string Scale, string ZeroPoint)>(StringComparer.Ordinal);
        var quantizedActivations = new Dictionary<string, (string Values, string Scale, string ZeroPoint)>(StringComparer.Ordinal);
        var rewritten = new List<NodeProto>(graph.Node.Count * 2);
        int quantized = 0, skipped = 0;

        foreach (var node in graph.Node)
        {
            if (node.OpType != "MatMul" || !string.IsNullOrEmpty(node.Domain))
            {
                rewritten.Add(node);
                continue;
            }

            if (!initializers.TryGetValue(node.Input[1], out var weight) || !IsQuantizable(weight, options))
            {
                skipped++;
                rewritten.Add(node);
                continue;
            }

            if (!quantizedWeights.TryGetValue(weight.Name, out var w))
            {
                w = AddQuantizedWeight(graph, weight, options);
                quantizedWeights[weight.Name] = w;
            }

            var input = node.Input[0];
            if (!quantizedActivations.TryGetValue(input, out var x))
            {
                x = ($"{input}_quantized", $"{input}_scale", $"{input}_zero_point");
                rewritten.Add(Node("DynamicQuantizeLinear", $"{input}_QuantizeLinear", [input], [x.Values, x.Scale, x.ZeroPoint]));
                quantizedActivations[input] = x;
            }

            var output = node.Output[0];
            var prefix = string.IsNullOrEmpty(node.Name) ? output : node.Name;
            rewritten.Add(Node("MatMulInteger", $"{prefix}_quant", [x.Values, w.Values, x.ZeroPoint, w.ZeroPoint], [$"{output}_output_quantized"]));
            var cast = Node("Cast", $"{prefix}_quant_cast", [$"{output}_output_quantized"], [$"{output}_output_quantized_cast_output"]);
            cast.Attribute.Add(new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (long)TensorProto.Types.DataType.Float });
            rewritten.Add(cast);
            rewritten.Add(Node("Mul", $"{prefix}_quant_scales_mul", [x.Scale, w.Scale], [$"{prefix}_quant_scales_mul:0"]));
            rewritten.Add(Node("Mul", $"{prefix}_quant_output_scale_mul", [$"{output}_output_quantized_cast_output", $"{prefix}_quant_scales_mul:0"], [output]));
            PutBiasSecond(output, producedByAdd, initializers, consumers);
            quantized++;
        }

        graph.Node.Clear();
        graph.Node.AddRange(rewritten);
        RemoveUnused(graph, quantizedWeights.Keys);
        model.MetadataProps.Add(new StringStringEntryProto { Key = "quantization", Value = $"dynamic int8, per-channel weights{(options.ReduceRange ? " (7-bit)" : "")} (Orleans.Sentiment)" });
        return new QuantizationReport(quantized, skipped, quantizedWeights.Count, bytesBefore, 0);
    }

    private static bool IsQuantizable(TensorProto weight, QuantizationOptions options) =>
        weight.DataType == (int)TensorProto.Types.DataType.Float
        && weight.Dims.Count == 2
        && weight.Dims[0] >= options.MinRows
        && weight.Dims[1] >= options.MinColumns;

    private static (string Values, string Scale, string ZeroPoint) AddQuantizedWeight(GraphProto graph, TensorProto weight, QuantizationOptions options)
    {
        int rows = (int)weight.Dims[0], columns = (int)weight.Dims[1];
        var values = FloatData(weight, rows * columns);
        var q = WeightQuantizer.Quantize(values, rows, columns, options.ReduceRange);
        var names = ($"{weight.Name}_quantized", $"{weight.Name}_scale", $"{weight.Name}_zero_point");
        graph.Initializer.Add(Tensor(names.Item1, TensorProto.Types.DataType.Int8, MemoryMarshal.AsBytes(q.Values.AsSpan()), rows, columns));
        graph.Initializer.Add(Tensor(names.Item2, TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(q.Scales.AsSpan()), columns));
        graph.Initializer.Add(Tensor(names.Item3, TensorProto.Types.DataType.Int8, new byte[columns], columns));
        return names;
    }

    /// <summary>A weight's floats, from raw_data or float_data.</summary>
    private static float[] FloatData(TensorProto tensor, int count)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian; this quantizer assumes a little-endian machine.");
        }

        if (tensor.RawData.Length == count * sizeof(float))
        {
            return MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
        }

        if (tensor.FloatData.Count == count)
        {
            return [.. tensor.FloatData];
        }

        throw new QuantizationException(
            $"Weight '{tensor.Name}' holds no inline data (raw_data {tensor.RawData.Length} bytes, float_data {tensor.FloatData.Count} values for {count} floats). " +
            "Graphs with external data files are not supported: re-export the model into one .onnx file.");
    }

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> data, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(data) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private static NodeProto Node(string opType, string name, string[] inputs, string[] outputs)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        return node;
    }

    private static Dictionary<string, int> CountConsumers(GraphProto graph)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var input in graph.Node.SelectMany(n => n.Input).Where(i => i.Length > 0))
        {
            counts[input] = counts.GetValueOrDefault(input) + 1;
        }

        foreach (var output in graph.Output)
        {
            counts[output.Name] = counts.GetValueOrDefault(output.Name) + 1;
        }

        return counts;
    }

    /// <summary>
    /// Exporters often write the bias Add as Add(bias, MatMul): ONNX Runtime folds the bias into the fused
    /// MatMulIntegerToFloat only when the bias is the second input, so swap (Add is commutative).
    /// </summary>
    private static void PutBiasSecond(string output, List<NodeProto> adds, Dictionary<string, TensorProto> initializers, Dictionary<string, int> consumers)
    {
        if (consumers.GetValueOrDefault(output) != 1)
        {
            return;
        }

        var add = adds.FirstOrDefault(a => a.Input.Count == 2 && a.Input[1] == output);
        if (add is not null && initializers.TryGetValue(add.Input[0], out var bias) && bias.Dims.Count == 1)
        {
            (add.Input[0], add.Input[1]) = (add.Input[1], add.Input[0]);
        }
    }

    /// <summary>Drops float weights no node reads any more (and their graph-input entries, written by old exporters).</summary>
    private static void RemoveUnused(GraphProto graph, IEnumerable<string> candidates)
    {
        var used = new HashSet<string>(graph.Node.SelectMany(n => n.Input), StringComparer.Ordinal);
        var unused = candidates.Where(c => !used.Contains(c)).ToHashSet(StringComparer.Ordinal);
        foreach (var tensor in graph.Initializer.Where(t => unused.Contains(t.Name)).ToList())
        {
            graph.Initializer.Remove(tensor);
        }

        foreach (var input in graph.Input.Where(i => unused.Contains(i.Name)).ToList())
        {
            graph.Input.Remove(input);
        }
    }
}

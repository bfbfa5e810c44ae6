using System.Runtime.InteropServices;
using Orleans.Sentiment.Modeling.Onnx.Proto;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Onnx;

/// <summary>Reads the float initializers (the weights) of an ONNX model.</summary>
public static class OnnxInitializerReader
{
    /// <summary>Every float initializer, keyed by initializer name.</summary>
    public static IReadOnlyDictionary<string, WeightTensor> ReadFloatInitializers(byte[] model) =>
        ReadFloatInitializers(ModelProto.Parser.ParseFrom(model));

    /// <summary>
    /// The weights of a PyTorch-exported encoder under their Hugging Face names. Exporters keep names for biases and
    /// norms but store each Linear weight transposed under a generated name (<c>onnx::MatMul_927</c>, <c>927</c>) as
    /// the second input of a MatMul whose result feeds an Add with the bias: such a weight is named after that bias
    /// (<c>...query.bias</c> gives <c>...query.weight</c>) and transposed back to PyTorch's [out, in] layout.
    /// </summary>
    public static IReadOnlyDictionary<string, WeightTensor> ReadHuggingFaceWeights(byte[] model)
    {
        var proto = ModelProto.Parser.ParseFrom(model);
        var initializers = ReadFloatInitializers(proto);
        var consumers = proto.Graph.Node
            .SelectMany(node => node.Input.Select(input => (input, node)))
            .ToLookup(pair => pair.input, pair => pair.node, StringComparer.Ordinal);
        var named = initializers.Where(i => i.Key.EndsWith(".weight", StringComparison.Ordinal) || i.Key.EndsWith(".bias", StringComparison.Ordinal))
            .ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);
        foreach (var node in proto.Graph.Node.Where(n => n.OpType == "MatMul" && n.Input.Count == 2))
        {
            if (!initializers.TryGetValue(node.Input[1], out var transposed) || transposed.Shape.Length != 2 || named.ContainsKey(node.Input[1]))
            {
                continue;
            }

            var bias = consumers[node.Output[0]]
                .Where(add => add.OpType == "Add")
                .SelectMany(add => add.Input)
                .FirstOrDefault(input => input.EndsWith(".bias", StringComparison.Ordinal) && initializers.ContainsKey(input));
            if (bias is null)
            {
                continue;
            }

            named[bias[..^".bias".Length] + ".weight"] = Transpose(transposed);
        }

        return named;
    }

    private static Dictionary<string, WeightTensor> ReadFloatInitializers(ModelProto proto)
    {
        var tensors = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        foreach (var initializer in proto.Graph.Initializer)
        {
            if (initializer.DataType != (int)OnnxElementType.Float)
            {
                continue;
            }

            var shape = initializer.Dims.Select(d => checked((int)d)).ToArray();
            var data = initializer.RawData.Length > 0
                ? MemoryMarshal.Cast<byte, float>(initializer.RawData.Span).ToArray()
                : [.. initializer.FloatData];
            tensors[initializer.Name] = new WeightTensor(data, shape);
        }

        return tensors;
    }

    private static WeightTensor Transpose(WeightTensor tensor)
    {
        int rows = tensor.Shape[0], columns = tensor.Shape[1];
        var data = new float[tensor.Data.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                data[(c * rows) + r] = tensor.Data[(r * columns) + c];
            }
        }

        return new WeightTensor(data, [columns, rows]);
    }
}

using System.Runtime.InteropServices;
using Google.Protobuf;
using Orleans.Sentiment.Modeling.Onnx.Proto;

namespace Orleans.Sentiment.Modeling.Onnx;

/// <summary>
/// Builds an ONNX model one node at a time. Names are generated where the caller does not care,
/// so graph code reads like the computation it describes.
/// </summary>
public sealed class OnnxGraphBuilder(string graphName, int opsetVersion = 17)
{
    private const long IrVersion = 8;
    private readonly GraphProto _graph = new() { Name = graphName };
    private int _nextId;

    public string Input(string name, OnnxElementType type, params object[] dims)
    {
        _graph.Input.Add(ValueInfo(name, type, dims));
        return name;
    }

    public void Output(string name, OnnxElementType type, params object[] dims) =>
        _graph.Output.Add(ValueInfo(name, type, dims));

    public string Initializer(string name, ReadOnlySpan<float> data, params long[] dims) =>
        AddInitializer(name, OnnxElementType.Float, MemoryMarshal.AsBytes(data), dims);

    public string Initializer(string name, ReadOnlySpan<long> data, params long[] dims) =>
        AddInitializer(name, OnnxElementType.Int64, MemoryMarshal.AsBytes(data), dims);

    /// <summary>A scalar or 1-D int64 constant, as ops such as Reshape, Slice and Unsqueeze take them.</summary>
    public string Int64s(params long[] values) => Initializer(NewName("i64"), values, values.Length);

    public string Int64Scalar(long value) => Initializer(NewName("i64"), [value]);

    public string FloatScalar(float value) => Initializer(NewName("f32"), [value]);

    /// <summary>Adds a node with one output and returns the output's name.</summary>
    public string Node(string opType, string[] inputs, params (string Name, object Value)[] attributes) =>
        NodeNamed(opType, inputs, NewName(opType), attributes);

    public string NodeNamed(string opType, string[] inputs, string output, params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = NewName(opType + "_node") };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        foreach (var (name, value) in attributes)
        {
            node.Attribute.Add(Attribute(name, value));
        }

        _graph.Node.Add(node);
        return output;
    }

    internal ModelProto Build(IReadOnlyDictionary<string, string>? metadata = null)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Orleans.Sentiment",
            ProducerVersion = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opsetVersion });
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model;
    }

    public byte[] ToBytes(IReadOnlyDictionary<string, string>? metadata = null) => Build(metadata).ToByteArray();

    public void Save(string path, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, ToBytes(metadata));
    }

    private string NewName(string prefix) => $"{prefix}_{_nextId++}";

    private string AddInitializer(string name, OnnxElementType type, ReadOnlySpan<byte> bytes, long[] dims)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw_data is little-endian; this writer assumes a little-endian machine.");
        }

        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims);
        _graph.Initializer.Add(tensor);
        return name;
    }

    private static ValueInfoProto ValueInfo(string name, OnnxElementType type, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim switch
            {
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                int size => new TensorShapeProto.Types.Dimension { DimValue = size },
                long size => new TensorShapeProto.Types.Dimension { DimValue = size },
                _ => throw new ArgumentException($"Dimension '{dim}' must be a size or a symbolic name.", nameof(dims)),
            });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private static AttributeProto Attribute(string name, object value) => value switch
    {
        long i => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = i },
        int i => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = i },
        float f => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = f },
        string s => new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(s) },
        long[] ints => WithInts(name, ints),
        int[] ints => WithInts(name, ints.Select(i => (long)i)),
        float[] floats => WithFloats(name, floats),
        _ => throw new ArgumentException($"Attribute '{name}' has unsupported type {value.GetType().Name}.", nameof(value)),
    };

    private static AttributeProto WithInts(string name, IEnumerable<long> ints)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(ints);
        return attribute;
    }

    private static AttributeProto WithFloats(string name, IEnumerable<float> floats)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        attribute.Floats.AddRange(floats);
        return attribute;
    }
}

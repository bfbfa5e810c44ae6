namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>One parameter tensor in PyTorch layout (a Linear weight is [out, in]), row-major.</summary>
public sealed record WeightTensor(float[] Data, int[] Shape)
{
    public float this[int row, int column] => Data[(row * Shape[1]) + column];
}

/// <summary>
/// Every parameter of a sequence-classification model (synthetic, pretrained or trained here), keyed by its Hugging Face name
/// (<c>bert.encoder.layer.0.attention.self.query.weight</c>, ...). Exposed so tests can compute the
/// forward pass independently of the ONNX graph.
/// </summary>
public sealed class SynthWeights
{
    private readonly Dictionary<string, WeightTensor> _tensors = new(StringComparer.Ordinal);

    public SynthWeights(TransformerShape shape, IReadOnlyList<string> labels)
    {
        Shape = shape;
        Labels = labels;
        Names = new ParameterNames(shape.Family);
    }

    public TransformerShape Shape { get; }

    public IReadOnlyList<string> Labels { get; }

    public ParameterNames Names { get; }

    public IReadOnlyDictionary<string, WeightTensor> Tensors => _tensors;

    public long ParameterCount => _tensors.Values.Sum(t => (long)t.Data.Length);

    public WeightTensor this[string name] =>
        _tensors.TryGetValue(name, out var tensor) ? tensor : throw new KeyNotFoundException($"No parameter named '{name}'.");

    /// <summary>Adds (or replaces) a parameter taken from elsewhere: pretrained or trained weights.</summary>
    public void Set(string name, WeightTensor tensor) => _tensors[name] = tensor;

    public bool Contains(string name) => _tensors.ContainsKey(name);

    internal WeightTensor Add(string name, params int[] shape)
    {
        var size = shape.Aggregate(1L, (product, dim) => product * dim);
        var tensor = new WeightTensor(new float[size], shape);
        _tensors.Add(name, tensor);
        return tensor;
    }
}

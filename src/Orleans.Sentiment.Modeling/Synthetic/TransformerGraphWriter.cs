using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Onnx;

namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>
/// Writes the ONNX graph of a Hugging Face encoder with a sequence-classification head, op by op as the
/// PyTorch modules compute it: embeddings + LayerNorm, post-LayerNorm self-attention with padded keys masked
/// by a large negative bias, exact (Erf) GELU feed-forward, and the family's head on the first token. Classifier graphs
/// also output <see cref="ClassifierGraphOutputs.MeanPooled"/>, the sentence embedding, from the same forward pass.
/// </summary>
public sealed class TransformerGraphWriter
{
    private readonly SynthWeights _weights;
    private readonly TransformerShape _shape;
    private readonly ParameterNames _names;
    private readonly OnnxGraphBuilder _graph = new("synthetic_sequence_classifier");
    private readonly LoraBankLayout? _bank;
    private readonly HashSet<string> _adapted;
    private string? _adapterIndex;

    /// <summary>Output name of <see cref="TransformerHead.MeanPooledEmbedding"/> graphs.</summary>
    public const string EmbeddingOutput = "sentence_embedding";

    /// <summary>Names of the mean-pooling head's layers (see <see cref="TransformerHead.MeanPooling"/>).</summary>
    public const string MeanHeadHidden = "pre_classifier";

    public const string MeanHeadOutput = "classifier";

    private TransformerGraphWriter(SynthWeights weights, LoraBankLayout? bank = null)
    {
        _weights = weights;
        _shape = weights.Shape;
        _names = weights.Names;
        _bank = bank;
        _adapted = new HashSet<string>(bank?.Modules ?? [], StringComparer.Ordinal);
    }

    /// <param name="weights">Parameters in PyTorch layout.</param>
    /// <param name="int32Inputs">Declare int32 inputs (some exporters do) instead of int64.</param>
    public static byte[] Build(SynthWeights weights, bool int32Inputs = false) =>
        new TransformerGraphWriter(weights).Write(int32Inputs, TransformerHead.SequenceClassification);

    /// <param name="weights">Parameters in PyTorch layout.</param>
    /// <param name="head">What the graph computes on top of the encoder.</param>
    /// <param name="int32Inputs">Declare int32 inputs instead of int64.</param>
    public static byte[] Build(SynthWeights weights, TransformerHead head, bool int32Inputs = false) =>
        new TransformerGraphWriter(weights).Write(int32Inputs, head);

    /// <summary>
    /// The base encoder shared by many adapters: every module of <paramref name="bank"/> computes
    /// xW + b + (x·A[slot])·B[slot] with A and B gathered per row from the bank inputs by <c>adapter_index</c>
    /// (slot 0 all zeros is the base encoder), and the graph outputs <c>cls_hidden</c> and <c>mean_pooled</c>, no logits.
    /// </summary>
    /// <param name="weights">Encoder parameters in PyTorch layout (no head needed).</param>
    /// <param name="bank">The adapted modules and the bank's rank.</param>
    public static byte[] BuildAdapterEncoder(SynthWeights weights, LoraBankLayout bank)
    {
        if (bank.Rank <= 0 || bank.Modules.Count == 0)
        {
            throw new ArgumentException("A LoRA bank needs a positive rank and at least one module.", nameof(bank));
        }

        var unknown = bank.Modules.FirstOrDefault(m => !weights.Contains(m + ".weight"));
        if (unknown is not null)
        {
            throw new ArgumentException($"LoRA bank module '{unknown}' is not a Linear of this {weights.Shape.Family} encoder.", nameof(bank));
        }

        return new TransformerGraphWriter(weights, bank).Write(int32Inputs: false, TransformerHead.PooledHidden);
    }

    private byte[] Write(bool int32Inputs, TransformerHead head)
    {
        var inputType = int32Inputs ? OnnxElementType.Int32 : OnnxElementType.Int64;
        var ids = AsInt64(_graph.Input("input_ids", inputType, "batch_size", "sequence_length"), int32Inputs);
        var mask = AsInt64(_graph.Input("attention_mask", inputType, "batch_size", "sequence_length"), int32Inputs);
        string? tokenTypes = null;
        if (_shape.Family == TransformerFamily.Bert)
        {
            tokenTypes = AsInt64(_graph.Input("token_type_ids", inputType, "batch_size", "sequence_length"), int32Inputs);
        }

        if (_bank is not null)
        {
            _adapterIndex = _graph.Input(AdapterGraphNames.AdapterIndex, OnnxElementType.Int64, "batch_size");
        }

        var hidden = Embeddings(ids, tokenTypes);
        var keyBias = PaddedKeyBias(mask);
        for (var layer = 0; layer < _shape.Layers; layer++)
        {
            hidden = EncoderLayer(hidden, keyBias, layer);
        }

        var metadata = new Dictionary<string, string> { [AdapterGraphNames.FamilyMetadata] = _shape.Family.ToString(), ["head"] = head.ToString() };
        if (head == TransformerHead.PooledHidden)
        {
            if (_bank is not null)
            {
                metadata[AdapterGraphNames.RankMetadata] = _bank.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _graph.NodeNamed("Gather", [hidden, _graph.Int64Scalar(0)], AdapterGraphNames.ClsHidden, ("axis", 1L));
            _graph.NodeNamed("Identity", [MeanPool(hidden, mask)], AdapterGraphNames.MeanPooled);
            _graph.Output(AdapterGraphNames.ClsHidden, OnnxElementType.Float, "batch_size", _shape.Hidden);
            _graph.Output(AdapterGraphNames.MeanPooled, OnnxElementType.Float, "batch_size", _shape.Hidden);
            return _graph.ToBytes(metadata);
        }

        var pooled = MeanPool(hidden, mask);
        if (head == TransformerHead.MeanPooledEmbedding)
        {
            _graph.NodeNamed("Identity", [pooled], EmbeddingOutput);
            _graph.Output(EmbeddingOutput, OnnxElementType.Float, "batch_size", _shape.Hidden);
            return _graph.ToBytes(metadata);
        }

        var features = head == TransformerHead.SequenceClassification ? FirstTokenHead(hidden) : MeanHeadHiddenLayer(pooled);
        var headOutput = head == TransformerHead.SequenceClassification ? _names.HeadOutput : MeanHeadOutput;
        _graph.NodeNamed("Add", [MatMul(features, headOutput), Weight(headOutput + ".bias")], ClassifierGraphOutputs.Logits);
        _graph.Output(ClassifierGraphOutputs.Logits, OnnxElementType.Float, "batch_size", _weights.Labels.Count);

        // The sentence embedding comes out of the same call as the logits, so grouping comments costs no second model call.
        _graph.NodeNamed("Identity", [pooled], ClassifierGraphOutputs.MeanPooled);
        _graph.Output(ClassifierGraphOutputs.MeanPooled, OnnxElementType.Float, "batch_size", _shape.Hidden);
        return _graph.ToBytes(metadata);
    }

    /// <summary>The family's Hugging Face head up to the classifier: pooler/pre_classifier/classifier.dense on the first token.</summary>
    private string FirstTokenHead(string hidden)
    {
        var first = _graph.Node("Gather", [hidden, _graph.Int64Scalar(0)], ("axis", 1L));
        var dense = Linear(first, _names.HeadDense);
        return _graph.Node(_shape.Family == TransformerFamily.DistilBert ? "Relu" : "Tanh", [dense]);
    }

    /// <summary>The mean-pooling head's optional <c>pre_classifier</c> + ReLU.</summary>
    private string MeanHeadHiddenLayer(string pooled) =>
        _weights.Contains(MeanHeadHidden + ".weight") ? _graph.Node("Relu", [Linear(pooled, MeanHeadHidden)]) : pooled;

    /// <summary>sum(hidden · mask) / max(sum(mask), 1e-9) over the sequence, as sentence-transformers' mean pooling.</summary>
    private string MeanPool(string hidden, string mask)
    {
        var weights = _graph.Node("Unsqueeze", [_graph.Node("Cast", [mask], ("to", (long)OnnxElementType.Float)), _graph.Int64s(2)]);
        var summed = _graph.Node("ReduceSum", [_graph.Node("Mul", [hidden, weights]), _graph.Int64s(1)], ("keepdims", 0L));
        var counts = _graph.Node("Max", [_graph.Node("ReduceSum", [weights, _graph.Int64s(1)], ("keepdims", 0L)), _graph.FloatScalar(1e-9f)]);
        return _graph.Node("Div", [summed, counts]);
    }

    private string AsInt64(string input, bool int32) =>
        int32 ? _graph.Node("Cast", [input], ("to", (long)OnnxElementType.Int64)) : input;

    private string Embeddings(string ids, string? tokenTypes)
    {
        var words = _graph.Node("Gather", [Weight(_names.WordEmbeddings + ".weight"), ids], ("axis", 0L));
        var positions = _graph.Node("Gather", [Weight(_names.PositionEmbeddings + ".weight"), PositionIds(ids)], ("axis", 0L));
        var sum = _graph.Node("Add", [words, positions]);
        if (tokenTypes is not null)
        {
            sum = _graph.Node("Add", [sum, _graph.Node("Gather", [Weight(_names.TokenTypeEmbeddings + ".weight"), tokenTypes], ("axis", 0L))]);
        }
        else if (_shape.TypeVocabSize > 0)
        {
            // RoBERTa has one token type and adds its embedding to every position when no types are given.
            var table = _weights[_names.TokenTypeEmbeddings + ".weight"];
            sum = _graph.Node("Add", [sum, _graph.Initializer(_names.TokenTypeEmbeddings + ".row0", table.Data.AsSpan(0, _shape.Hidden), _shape.Hidden)]);
        }

        return LayerNorm(sum, _names.EmbeddingNorm);
    }

    /// <summary>0..L-1, or for RoBERTa cumsum(ids != pad) * (ids != pad) + pad, as create_position_ids_from_input_ids.</summary>
    private string PositionIds(string ids)
    {
        if (!_shape.Family.HasRobertaArchitecture())
        {
            var length = _graph.Node("Squeeze", [_graph.Node("Shape", [ids], ("start", 1L), ("end", 2L)), _graph.Int64s(0)]);
            return _graph.Node("Range", [_graph.Int64Scalar(0), length, _graph.Int64Scalar(1)]);
        }

        var pad = _graph.Int64Scalar(_shape.PadTokenId);
        var real = _graph.Node("Cast", [_graph.Node("Not", [_graph.Node("Equal", [ids, pad])])], ("to", (long)OnnxElementType.Int64));
        var counted = _graph.Node("CumSum", [real, _graph.Int64Scalar(1)]);
        return _graph.Node("Add", [_graph.Node("Mul", [counted, real]), pad]);
    }

    /// <summary>(1 - mask) * float.MinValue as [batch, 1, 1, keys], the bias Hugging Face adds to attention scores.</summary>
    private string PaddedKeyBias(string mask)
    {
        var maskFloat = _graph.Node("Cast", [mask], ("to", (long)OnnxElementType.Float));
        var padded = _graph.Node("Sub", [_graph.FloatScalar(1f), maskFloat]);
        var bias = _graph.Node("Mul", [padded, _graph.FloatScalar(float.MinValue)]);
        return _graph.Node("Unsqueeze", [bias, _graph.Int64s(1, 2)]);
    }

    private string EncoderLayer(string input, string keyBias, int layer)
    {
        var heads = _shape.Heads;
        var headSize = _shape.HeadSize;
        var splitHeads = _graph.Int64s(0, 0, heads, headSize);
        var query = _graph.Node("Transpose", [_graph.Node("Reshape", [Linear(input, _names.Query(layer)), splitHeads])], ("perm", new long[] { 0, 2, 1, 3 }));
        var keyT = _graph.Node("Transpose", [_graph.Node("Reshape", [Linear(input, _names.Key(layer)), splitHeads])], ("perm", new long[] { 0, 2, 3, 1 }));
        var value = _graph.Node("Transpose", [_graph.Node("Reshape", [Linear(input, _names.Value(layer)), splitHeads])], ("perm", new long[] { 0, 2, 1, 3 }));

        var scores = _graph.Node("Mul", [_graph.Node("MatMul", [query, keyT]), _graph.FloatScalar((float)(1.0 / Math.Sqrt(headSize)))]);
        var probabilities = _graph.Node("Softmax", [_graph.Node("Add", [scores, keyBias])], ("axis", -1L));
        var context = _graph.Node("Transpose", [_graph.Node("MatMul", [probabilities, value])], ("perm", new long[] { 0, 2, 1, 3 }));
        var merged = _graph.Node("Reshape", [context, _graph.Int64s(0, 0, _shape.Hidden)]);
        var attended = LayerNorm(_graph.Node("Add", [Linear(merged, _names.AttentionOutput(layer)), input]), _names.AttentionNorm(layer));

        var expanded = Gelu(Linear(attended, _names.FeedForwardIn(layer)));
        return LayerNorm(_graph.Node("Add", [Linear(expanded, _names.FeedForwardOut(layer)), attended]), _names.OutputNorm(layer));
    }

    /// <summary>Exact GELU, x * 0.5 * (1 + erf(x / sqrt 2)), as torch's default.</summary>
    private string Gelu(string x)
    {
        var erf = _graph.Node("Erf", [_graph.Node("Div", [x, _graph.FloatScalar((float)Math.Sqrt(2.0))])]);
        return _graph.Node("Mul", [_graph.Node("Mul", [x, _graph.FloatScalar(0.5f)]), _graph.Node("Add", [erf, _graph.FloatScalar(1f)])]);
    }

    private string LayerNorm(string x, string name) =>
        _graph.Node("LayerNormalization", [x, Weight(name + ".weight"), Weight(name + ".bias")], ("axis", -1L), ("epsilon", (float)_shape.LayerNormEpsilon));

    private string Linear(string x, string name)
    {
        var linear = _graph.Node("Add", [MatMul(x, name), Weight(name + ".bias")]);
        return _adapted.Contains(name) ? _graph.Node("Add", [linear, LoraBranch(x, name)]) : linear;
    }

    /// <summary>(x · A[slot]) · B[slot] per row: the bank's [slots, in, r] and [slots, r, out] gathered to [batch, ...] by adapter_index.</summary>
    private string LoraBranch(string x, string name)
    {
        var weight = _weights[name + ".weight"];
        int outputs = weight.Shape[0], inputs = weight.Shape[1];
        var a = _graph.Input(AdapterGraphNames.A(name), OnnxElementType.Float, "adapter_slots", inputs, _bank!.Rank);
        var b = _graph.Input(AdapterGraphNames.B(name), OnnxElementType.Float, "adapter_slots", _bank.Rank, outputs);
        var rowA = _graph.Node("Gather", [a, _adapterIndex!], ("axis", 0L));
        var rowB = _graph.Node("Gather", [b, _adapterIndex!], ("axis", 0L));
        return _graph.Node("MatMul", [_graph.Node("MatMul", [x, rowA]), rowB]);
    }

    /// <summary>x · Wᵀ with W stored transposed ([in, out]) as MatMul expects.</summary>
    private string MatMul(string x, string name)
    {
        var weight = _weights[name + ".weight"];
        int outputs = weight.Shape[0], inputs = weight.Shape[1];
        var transposed = new float[weight.Data.Length];
        for (var o = 0; o < outputs; o++)
        {
            for (var i = 0; i < inputs; i++)
            {
                transposed[(i * outputs) + o] = weight.Data[(o * inputs) + i];
            }
        }

        return _graph.Node("MatMul", [x, _graph.Initializer(name + ".weight.T", transposed, inputs, outputs)]);
    }

    private string Weight(string name)
    {
        var tensor = _weights[name];
        return _graph.Initializer(name, tensor.Data, [.. tensor.Shape.Select(d => (long)d)]);
    }
}

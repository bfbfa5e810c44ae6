using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Orleans.Sentiment.Training.Lora;

/// <summary>
/// A BERT, DistilBERT, RoBERTa or XLM-RoBERTa sequence classifier in TorchSharp with LoRA branches: frozen pretrained weights W,
/// trainable low-rank A [r, in] (Kaiming-uniform, as PEFT) and B [out, r] (zeros), so a target Linear computes
/// x·Wᵀ + b + (alpha/r)·dropout(x)·Aᵀ·Bᵀ, and a head trained in full. The forward pass follows the Hugging Face
/// modules op by op (post-LayerNorm attention, exact GELU, the family's head on the first token), with dropout in
/// the same places while training.
/// </summary>
public sealed class LoraClassifier : IDisposable
{
    private const double HiddenDropout = 0.1;
    private const double AttentionDropout = 0.1;
    private readonly Dictionary<string, Parameter> _weights = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Parameter A, Parameter B)> _lora = new(StringComparer.Ordinal);
    private readonly ParameterNames _names;

    public LoraClassifier(TransformerShape shape, IReadOnlyDictionary<string, WeightTensor> pretrained, int labels, LoraOptions options, IReadOnlyList<string> targets, ScalarType dtype = ScalarType.Float32)
    {
        TorchRuntime.PrepareEnvironment();
        Shape = shape;
        Labels = labels;
        Options = options;
        DType = dtype;
        _names = new ParameterNames(shape.Family);
        foreach (var name in LoraTargets.EncoderParameters(shape))
        {
            _weights[name] = ToParameter(pretrained[name], trainable: false);
        }

        // The head (a mean-pooled one is only the classifier): BERT keeps its pretrained pooler when the checkpoint has one; the rest starts as transformers
        // initialises it (normal(0, 0.02) weights, zero biases). All of it trains.
        var hidden = shape.Hidden;
        var head = options.Pooling == HeadPooling.Mean ? new[] { (TransformerGraphWriter.MeanHeadOutput, labels) } : [(_names.HeadDense, hidden), (_names.HeadOutput, labels)];
        foreach (var (module, outputs) in head)
        {
            if (module == _names.HeadDense && pretrained.TryGetValue(module + ".weight", out var w) && pretrained.TryGetValue(module + ".bias", out var b))
            {
                _weights[module + ".weight"] = ToParameter(w, trainable: true);
                _weights[module + ".bias"] = ToParameter(b, trainable: true);
                continue;
            }

            using (no_grad())
            {
                _weights[module + ".weight"] = new Parameter(normal(0, 0.02, [outputs, hidden], dtype), requires_grad: true);
                _weights[module + ".bias"] = new Parameter(zeros(outputs, dtype), requires_grad: true);
            }
        }

        foreach (var target in targets)
        {
            var inputs = _weights[target + ".weight"].shape[1];
            var outputs = _weights[target + ".weight"].shape[0];
            using (no_grad())
            {
                // PEFT: kaiming_uniform_(A, a=sqrt(5)), i.e. uniform in ±1/sqrt(in); B = 0 so training starts from the base model.
                var bound = 1 / Math.Sqrt(inputs);
                var a = new Parameter(rand([options.Rank, inputs], dtype).mul_(2 * bound).sub_(bound), requires_grad: true);
                var bMatrix = new Parameter(zeros([outputs, options.Rank], dtype), requires_grad: true);
                _lora[target] = (a, bMatrix);
            }
        }
    }

    public TransformerShape Shape { get; }

    public int Labels { get; }

    public LoraOptions Options { get; }

    public ScalarType DType { get; }

    public IReadOnlyDictionary<string, (Parameter A, Parameter B)> Adapters => _lora;

    /// <summary>Head parameters (trained in full), by Hugging Face name.</summary>
    public IEnumerable<KeyValuePair<string, Parameter>> HeadParameters =>
        _weights.Where(w => LoraTargets.FullyTrained(_names, Options.Pooling).Any(m => w.Key.StartsWith(m + ".", StringComparison.Ordinal)));

    public IEnumerable<Parameter> TrainableParameters =>
        _lora.Values.SelectMany(p => new[] { p.A, p.B }).Concat(HeadParameters.Select(p => p.Value));

    public long TrainableParameterCount => TrainableParameters.Sum(p => p.numel());

    public long TotalParameterCount => _weights.Values.Sum(p => p.numel()) + _lora.Values.Sum(p => p.A.numel() + p.B.numel());

    /// <summary>Logits [batch, labels].</summary>
    /// <param name="ids">Token ids [batch, length] (int64).</param>
    /// <param name="mask">Attention mask [batch, length] (int64, 1 for real tokens).</param>
    /// <param name="training">Apply dropout (LoRA, hidden, attention and head).</param>
    /// <param name="merged">Use W + (alpha/r)·B·A in one matrix instead of the separate branch (no LoRA dropout).</param>
    public Tensor Forward(Tensor ids, Tensor mask, bool training, bool merged = false)
    {
        var batch = ids.shape[0];
        var length = ids.shape[1];
        var hidden = Shape.Hidden;
        var x = Embed(_weights[_names.WordEmbeddings + ".weight"], ids);
        x = x + Embed(_weights[_names.PositionEmbeddings + ".weight"], PositionIds(ids, length));
        if (Shape.TypeVocabSize > 0)
        {
            // All token types are 0 (single texts), for BERT and RoBERTa alike.
            x = x + _weights[_names.TokenTypeEmbeddings + ".weight"][0];
        }

        x = F.dropout(Norm(x, _names.EmbeddingNorm), HiddenDropout, training);
        var keyBias = (1 - mask.to_type(DType)).mul(DType == ScalarType.Float64 ? double.MinValue : float.MinValue).view(batch, 1, 1, length);
        for (var layer = 0; layer < Shape.Layers; layer++)
        {
            x = Layer(x, keyBias, layer, training, merged);
        }

        if (Options.Pooling == HeadPooling.Mean)
        {
            return Linear(F.dropout(MeanPool(x, mask), HiddenDropout, training), TransformerGraphWriter.MeanHeadOutput, false, merged);
        }

        var first = x.select(1, 0);
        return Shape.Family switch
        {
            TransformerFamily.Bert => Linear(F.dropout(Linear(first, _names.HeadDense, false, merged).tanh(), HiddenDropout, training), _names.HeadOutput, false, merged),
            TransformerFamily.DistilBert => Linear(F.dropout(F.relu(Linear(first, _names.HeadDense, false, merged)), 0.2, training), _names.HeadOutput, false, merged),
            _ => Linear(F.dropout(Linear(F.dropout(first, HiddenDropout, training), _names.HeadDense, false, merged).tanh(), HiddenDropout, training), _names.HeadOutput, false, merged),
        };
    }

    /// <summary>Attention-masked mean of the last hidden state [batch, hidden], as sentence-transformers pools.</summary>
    public Tensor MeanPool(Tensor hidden, Tensor mask)
    {
        var weights = mask.to_type(hidden.dtype).unsqueeze(-1);
        return (hidden * weights).sum(1) / weights.sum(1).clamp_min(1e-9);
    }

    /// <summary>Every weight as the merged model holds it: W + (alpha/r)·B·A for LoRA targets, the rest unchanged.</summary>
    public IReadOnlyDictionary<string, WeightTensor> MergedWeights()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var merged = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        foreach (var (name, weight) in _weights)
        {
            var module = name[..name.LastIndexOf('.')];
            var value = name.EndsWith(".weight", StringComparison.Ordinal) && _lora.TryGetValue(module, out var adapter)
                ? weight + (adapter.B.matmul(adapter.A) * Options.Scaling)
                : (Tensor)weight;
            merged[name] = ToWeightTensor(value);
        }

        return merged;
    }

    public static WeightTensor ToWeightTensor(Tensor tensor)
    {
        using var single = tensor.detach().to_type(ScalarType.Float32).contiguous();
        return new WeightTensor(single.data<float>().ToArray(), [.. single.shape.Select(d => (int)d)]);
    }

    /// <summary>Copies of the trainable tensors, to restore the best epoch.</summary>
    public Dictionary<string, Tensor> SnapshotTrainable()
    {
        using var _ = no_grad();
        var snapshot = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, (a, b)) in _lora)
        {
            snapshot[name + ".lora_A"] = a.detach().clone().DetachFromDisposeScope();
            snapshot[name + ".lora_B"] = b.detach().clone().DetachFromDisposeScope();
        }

        foreach (var (name, p) in HeadParameters)
        {
            snapshot[name] = p.detach().clone().DetachFromDisposeScope();
        }

        return snapshot;
    }

    public void Restore(Dictionary<string, Tensor> snapshot)
    {
        using var _ = no_grad();
        foreach (var (name, (a, b)) in _lora)
        {
            a.copy_(snapshot[name + ".lora_A"]);
            b.copy_(snapshot[name + ".lora_B"]);
        }

        foreach (var (name, p) in HeadParameters.ToList())
        {
            p.copy_(snapshot[name]);
        }
    }

    public void Dispose()
    {
        foreach (var p in _weights.Values)
        {
            p.Dispose();
        }

        foreach (var (a, b) in _lora.Values)
        {
            a.Dispose();
            b.Dispose();
        }
    }

    private Tensor Layer(Tensor x, Tensor keyBias, int layer, bool training, bool merged)
    {
        var batch = x.shape[0];
        var length = x.shape[1];
        var heads = Shape.Heads;
        var headSize = Shape.HeadSize;
        Tensor Split(Tensor t) => t.view(batch, length, heads, headSize).transpose(1, 2);
        var query = Split(Linear(x, _names.Query(layer), training, merged));
        var key = Split(Linear(x, _names.Key(layer), training, merged));
        var value = Split(Linear(x, _names.Value(layer), training, merged));
        var context = F.scaled_dot_product_attention(query, key, value, keyBias, training ? AttentionDropout : 0, false)
            .transpose(1, 2).reshape(batch, length, Shape.Hidden);
        var attended = Norm(F.dropout(Linear(context, _names.AttentionOutput(layer), training, merged), HiddenDropout, training) + x, _names.AttentionNorm(layer));
        var expanded = F.gelu(Linear(attended, _names.FeedForwardIn(layer), training, merged));
        return Norm(F.dropout(Linear(expanded, _names.FeedForwardOut(layer), training, merged), HiddenDropout, training) + attended, _names.OutputNorm(layer));
    }

    private Tensor Linear(Tensor x, string module, bool training, bool merged)
    {
        var weight = _weights[module + ".weight"];
        var bias = _weights[module + ".bias"];
        if (!_lora.TryGetValue(module, out var adapter))
        {
            return F.linear(x, weight, bias);
        }

        if (merged)
        {
            return F.linear(x, weight + (adapter.B.matmul(adapter.A) * Options.Scaling), bias);
        }

        var branch = F.linear(F.linear(F.dropout(x, Options.Dropout, training), adapter.A), adapter.B);
        return F.linear(x, weight, bias) + (branch * Options.Scaling);
    }

    private static Tensor Embed(Tensor table, Tensor ids)
    {
        var rows = table.index_select(0, ids.reshape(-1));
        return rows.view(ids.shape[0], ids.shape[1], table.shape[1]);
    }

    private Tensor Norm(Tensor x, string module) =>
        F.layer_norm(x, [Shape.Hidden], _weights[module + ".weight"], _weights[module + ".bias"], Shape.LayerNormEpsilon);

    /// <summary>0..L-1, or RoBERTa's cumsum(ids != pad) · (ids != pad) + pad.</summary>
    private Tensor PositionIds(Tensor ids, long length)
    {
        if (!Shape.Family.HasRobertaArchitecture())
        {
            return arange(length, dtype: ScalarType.Int64).unsqueeze(0);
        }

        var real = ids.ne(Shape.PadTokenId).to_type(ScalarType.Int64);
        return (real.cumsum(1) * real) + Shape.PadTokenId;
    }

    private Parameter ToParameter(WeightTensor tensor, bool trainable)
    {
        using var data = tensor_from(tensor);
        return new Parameter(data.to_type(DType).clone(), requires_grad: trainable);
    }

    private static Tensor tensor_from(WeightTensor tensor) => torch.tensor(tensor.Data, [.. tensor.Shape.Select(d => (long)d)], ScalarType.Float32);
}

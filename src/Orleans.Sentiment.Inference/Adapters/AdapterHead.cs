using System.Numerics.Tensors;

namespace Orleans.Sentiment.Inference.Adapters;

/// <summary>
/// A tenant model's classification head, run in C# on the shared encoder's pooled vectors (tenants' label counts
/// differ, so one graph cannot hold their heads): "cls" is the family's sequence-classification head on the first
/// token (BERT: tanh(pooler.dense) then classifier; DistilBERT: relu(pre_classifier) then classifier; RoBERTa:
/// tanh(classifier.dense) then classifier.out_proj); "mean" optionally L2-normalizes the masked mean, then applies an
/// optional pre_classifier + ReLU and the classifier.
/// </summary>
public sealed class AdapterHead
{
    private readonly DenseLayer? _hidden;
    private readonly DenseLayer _output;
    private readonly bool _tanh;

    private AdapterHead(HeadConfig config, DenseLayer? hidden, bool tanh, DenseLayer output)
    {
        Config = config;
        _hidden = hidden;
        _tanh = tanh;
        _output = output;
    }

    public HeadConfig Config { get; }

    public IReadOnlyList<string> Labels => Config.Labels;

    /// <summary>Bytes of the head's weights.</summary>
    public long Bytes => ((_hidden?.Parameters ?? 0) + _output.Parameters) * sizeof(float);

    /// <param name="config">The version's head_config.json.</param>
    /// <param name="tensors">The adapter's tensors by Hugging Face name (PEFT prefix removed).</param>
    /// <param name="family">The encoder family: Bert, DistilBert, Roberta or XlmRoberta.</param>
    public static AdapterHead Create(HeadConfig config, IReadOnlyDictionary<string, (float[] Data, int[] Shape)> tensors, string family)
    {
        string? hiddenName;
        string outputName;
        var tanh = false;
        if (config.Pooling == HeadPooling.Mean)
        {
            hiddenName = tensors.ContainsKey("pre_classifier.weight") ? "pre_classifier" : null;
            outputName = "classifier";
        }
        else
        {
            (hiddenName, tanh, outputName) = family switch
            {
                "Bert" => ("bert.pooler.dense", true, "classifier"),
                "DistilBert" => ("pre_classifier", false, "classifier"),
                "Roberta" or "XlmRoberta" => ("classifier.dense", true, "classifier.out_proj"),
                _ => throw new InvalidDataException($"No sequence-classification head is known for encoder family '{family}'."),
            };
        }

        var hidden = hiddenName is null ? null : DenseLayer.From(tensors, hiddenName);
        var output = DenseLayer.From(tensors, outputName);
        if (output.Outputs != config.Labels.Count)
        {
            throw new InvalidDataException($"The head's {outputName} has {output.Outputs} outputs; {AdapterArtifact.HeadConfigFileName} names {config.Labels.Count} labels.");
        }

        if (hidden is not null && hidden.Outputs != output.Inputs)
        {
            throw new InvalidDataException($"The head's {hiddenName} gives {hidden.Outputs} values; {outputName} takes {output.Inputs}.");
        }

        return new AdapterHead(config, hidden, tanh, output);
    }

    /// <summary>The prediction for one row from its first-token and mean-pooled hidden states.</summary>
    public Prediction Predict(ReadOnlySpan<float> cls, ReadOnlySpan<float> mean, int tokenCount)
    {
        var input = Config.Pooling == HeadPooling.Cls ? cls.ToArray() : mean.ToArray();
        if (input.Length != (_hidden ?? _output).Inputs)
        {
            throw new InvalidOperationException($"The head takes {(_hidden ?? _output).Inputs} values; the encoder gives {input.Length}.");
        }

        if (Config.Pooling == HeadPooling.Mean && Config.Normalize)
        {
            var norm = Math.Sqrt(input.Sum(v => (double)v * v));
            for (var i = 0; i < input.Length; i++)
            {
                input[i] = (float)(input[i] / Math.Max(norm, 1e-12));
            }
        }

        if (_hidden is not null)
        {
            input = _hidden.Apply(input);
            for (var i = 0; i < input.Length; i++)
            {
                input[i] = _tanh ? MathF.Tanh(input[i]) : Math.Max(0f, input[i]);
            }
        }

        return Predictions.FromLogits(Config.Labels, Config.ProblemType, _output.Apply(input), tokenCount);
    }

    /// <summary>y = W·x + b with W in PyTorch layout [out, in].</summary>
    private sealed class DenseLayer(float[] weight, float[] bias, int outputs, int inputs)
    {
        public int Outputs => outputs;

        public int Inputs => inputs;

        public long Parameters => weight.Length + bias.Length;

        public static DenseLayer From(IReadOnlyDictionary<string, (float[] Data, int[] Shape)> tensors, string name)
        {
            if (!tensors.TryGetValue(name + ".weight", out var w) || !tensors.TryGetValue(name + ".bias", out var b))
            {
                throw new InvalidDataException($"The adapter has no head layer '{name}' (its .weight and .bias).");
            }

            if (w.Shape.Length != 2 || b.Shape.Length != 1 || b.Shape[0] != w.Shape[0])
            {
                throw new InvalidDataException($"The head layer '{name}' has weight [{string.Join(", ", w.Shape)}] and bias [{string.Join(", ", b.Shape)}], not [out, in] and [out].");
            }

            return new DenseLayer(w.Data, b.Data, w.Shape[0], w.Shape[1]);
        }

        public float[] Apply(float[] x)
        {
            var y = new float[outputs];
            for (var o = 0; o < outputs; o++)
            {
                y[o] = TensorPrimitives.Dot(weight.AsSpan(o * inputs, inputs), x) + bias[o];
            }

            return y;
        }
    }
}

namespace Orleans.Sentiment.Training.Head;

/// <summary>
/// A small classifier on sentence embeddings, with its own backpropagation and AdamW: standardisation, an optional
/// ReLU hidden layer, and a linear output trained with softmax cross-entropy or (multi-label) sigmoid/BCE. Weights
/// are in PyTorch's [out, in] layout; <see cref="Export"/> folds the standardisation into the first layer.
/// </summary>
public sealed class HeadClassifier
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private readonly Layer[] _layers;
    private readonly float[] _mean;
    private readonly float[] _scale;
    private int _step;

    public HeadClassifier(int inputs, int hidden, int outputs, bool multiLabel, float[] mean, float[] scale, int seed)
    {
        var random = new Random(seed);
        _layers = hidden > 0 ? [new Layer(inputs, hidden, random), new Layer(hidden, outputs, random)] : [new Layer(inputs, outputs, random)];
        MultiLabel = multiLabel;
        _mean = mean;
        _scale = scale;
    }

    private HeadClassifier(HeadClassifier other)
    {
        _layers = [.. other._layers.Select(l => l.Clone())];
        _mean = other._mean;
        _scale = other._scale;
        _step = other._step;
        MultiLabel = other.MultiLabel;
    }

    public bool MultiLabel { get; }

    public int Outputs => _layers[^1].Outputs;

    /// <summary>Logits for one raw (unstandardised) embedding.</summary>
    public float[] Logits(float[] embedding)
    {
        var activations = Forward(Standardize(embedding));
        return activations[^1];
    }

    /// <summary>One AdamW step on a mini-batch; returns the batch's weighted mean loss.</summary>
    public double Step(IReadOnlyList<(float[] Embedding, float[] Target, float Weight)> batch, float learningRate, float weightDecay)
    {
        var (loss, totalWeight) = ComputeGradients(batch);
        _step++;
        var scale = (float)(1 / Math.Max(totalWeight, 1e-12));
        foreach (var layer in _layers)
        {
            layer.Adam(learningRate, weightDecay, scale, _step);
        }

        return loss / Math.Max(totalWeight, 1e-12);
    }

    /// <summary>Sets every layer's gradient to d(sum of weighted losses)/d(parameter); returns that sum and the total weight.</summary>
    internal (double Loss, double TotalWeight) ComputeGradients(IReadOnlyList<(float[] Embedding, float[] Target, float Weight)> batch)
    {
        foreach (var layer in _layers)
        {
            layer.ZeroGradients();
        }

        double loss = 0, totalWeight = 0;
        foreach (var (embedding, target, weight) in batch)
        {
            var activations = Forward(Standardize(embedding));
            var logits = activations[^1];
            var delta = new float[logits.Length];
            loss += weight * (MultiLabel ? SigmoidLoss(logits, target, delta) : SoftmaxLoss(logits, target, delta));
            totalWeight += weight;
            for (var i = 0; i < delta.Length; i++)
            {
                delta[i] *= weight;
            }

            for (var l = _layers.Length - 1; l >= 0; l--)
            {
                delta = _layers[l].Backward(activations[l], delta, l > 0);
                if (l > 0)
                {
                    for (var i = 0; i < delta.Length; i++)
                    {
                        delta[i] = activations[l][i] > 0 ? delta[i] : 0; // ReLU
                    }
                }
            }
        }

        return (loss, totalWeight);
    }

    /// <summary>The weights of a layer ([out, in]) and their gradient after <see cref="ComputeGradients"/>; for gradient checks.</summary>
    internal (float[] Weight, float[] Gradient) LayerWeights(int layer) => (_layers[layer].Weight, _layers[layer].WeightGradient);

    public HeadClassifier Clone() => new(this);

    /// <summary>The layers as (weight [out, in], bias) with the standardisation folded into the first.</summary>
    public IReadOnlyList<(float[] Weight, int Outputs, int Inputs, float[] Bias)> Export()
    {
        var exported = new List<(float[], int, int, float[])>();
        for (var l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var weight = (float[])layer.Weight.Clone();
            var bias = (float[])layer.Bias.Clone();
            if (l == 0)
            {
                for (var o = 0; o < layer.Outputs; o++)
                {
                    double shift = 0;
                    for (var i = 0; i < layer.Inputs; i++)
                    {
                        weight[(o * layer.Inputs) + i] = layer.Weight[(o * layer.Inputs) + i] / _scale[i];
                        shift += weight[(o * layer.Inputs) + i] * _mean[i];
                    }

                    bias[o] = (float)(layer.Bias[o] - shift);
                }
            }

            exported.Add((weight, layer.Outputs, layer.Inputs, bias));
        }

        return exported;
    }

    private float[] Standardize(float[] embedding)
    {
        var x = new float[embedding.Length];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (embedding[i] - _mean[i]) / _scale[i];
        }

        return x;
    }

    private float[][] Forward(float[] input)
    {
        var activations = new float[_layers.Length + 1][];
        activations[0] = input;
        for (var l = 0; l < _layers.Length; l++)
        {
            var output = _layers[l].Forward(activations[l]);
            if (l < _layers.Length - 1)
            {
                for (var i = 0; i < output.Length; i++)
                {
                    output[i] = Math.Max(0, output[i]);
                }
            }

            activations[l + 1] = output;
        }

        return activations;
    }

    private static double SoftmaxLoss(float[] logits, float[] target, float[] delta)
    {
        var max = logits.Max();
        double sum = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            sum += Math.Exp(logits[i] - max);
        }

        double loss = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var p = Math.Exp(logits[i] - max) / sum;
            delta[i] = (float)(p - target[i]);
            if (target[i] > 0)
            {
                loss -= target[i] * Math.Log(Math.Max(p, 1e-12));
            }
        }

        return loss;
    }

    private static double SigmoidLoss(float[] logits, float[] target, float[] delta)
    {
        double loss = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            var p = 1 / (1 + Math.Exp(-logits[i]));
            delta[i] = (float)((p - target[i]) / logits.Length);
            loss -= (target[i] * Math.Log(Math.Max(p, 1e-12))) + ((1 - target[i]) * Math.Log(Math.Max(1 - p, 1e-12)));
        }

        return loss / logits.Length;
    }

    private sealed class Layer
    {
        public Layer(int inputs, int outputs, Random random)
        {
            Inputs = inputs;
            Outputs = outputs;
            Weight = new float[inputs * outputs];
            Bias = new float[outputs];
            // PyTorch's nn.Linear initialisation: uniform in ±1/sqrt(fan_in).
            var bound = 1 / Math.Sqrt(inputs);
            for (var i = 0; i < Weight.Length; i++)
            {
                Weight[i] = (float)(((random.NextDouble() * 2) - 1) * bound);
            }

            GradWeight = new float[Weight.Length];
            GradBias = new float[outputs];
            MomentWeight = new float[Weight.Length];
            VelocityWeight = new float[Weight.Length];
            MomentBias = new float[outputs];
            VelocityBias = new float[outputs];
        }

        public int Inputs { get; }

        public int Outputs { get; }

        public float[] Weight { get; private set; }

        public float[] Bias { get; private set; }

        public float[] WeightGradient => GradWeight;

        private float[] GradWeight { get; set; }

        private float[] GradBias { get; set; }

        private float[] MomentWeight { get; set; }

        private float[] VelocityWeight { get; set; }

        private float[] MomentBias { get; set; }

        private float[] VelocityBias { get; set; }

        public float[] Forward(float[] x)
        {
            var y = new float[Outputs];
            for (var o = 0; o < Outputs; o++)
            {
                var row = Weight.AsSpan(o * Inputs, Inputs);
                y[o] = Bias[o] + System.Numerics.Tensors.TensorPrimitives.Dot(row, x);
            }

            return y;
        }

        /// <summary>Accumulates gradients for output delta; returns the delta of the input when asked.</summary>
        public float[] Backward(float[] x, float[] delta, bool inputDelta)
        {
            var back = inputDelta ? new float[Inputs] : [];
            for (var o = 0; o < Outputs; o++)
            {
                var d = delta[o];
                if (d == 0)
                {
                    continue;
                }

                GradBias[o] += d;
                var gradRow = GradWeight.AsSpan(o * Inputs, Inputs);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(x, d, gradRow, gradRow);
                if (inputDelta)
                {
                    System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(Weight.AsSpan(o * Inputs, Inputs), d, back, back);
                }
            }

            return back;
        }

        public void ZeroGradients()
        {
            Array.Clear(GradWeight);
            Array.Clear(GradBias);
        }

        public void Adam(float rate, float decay, float gradientScale, int step)
        {
            var correction1 = 1 - MathF.Pow(Beta1, step);
            var correction2 = 1 - MathF.Pow(Beta2, step);
            Update(Weight, GradWeight, MomentWeight, VelocityWeight, rate, decay, gradientScale, correction1, correction2);
            Update(Bias, GradBias, MomentBias, VelocityBias, rate, 0, gradientScale, correction1, correction2);
        }

        public Layer Clone()
        {
            var copy = (Layer)MemberwiseClone();
            copy.Weight = (float[])Weight.Clone();
            copy.Bias = (float[])Bias.Clone();
            copy.GradWeight = (float[])GradWeight.Clone();
            copy.GradBias = (float[])GradBias.Clone();
            copy.MomentWeight = (float[])MomentWeight.Clone();
            copy.VelocityWeight = (float[])VelocityWeight.Clone();
            copy.MomentBias = (float[])MomentBias.Clone();
            copy.VelocityBias = (float[])VelocityBias.Clone();
            return copy;
        }

        private static void Update(float[] parameters, float[] gradients, float[] moment, float[] velocity, float rate, float decay, float gradientScale, float correction1, float correction2)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                var g = gradients[i] * gradientScale;
                moment[i] = (Beta1 * moment[i]) + ((1 - Beta1) * g);
                velocity[i] = (Beta2 * velocity[i]) + ((1 - Beta2) * g * g);
                parameters[i] -= rate * ((decay * parameters[i]) + (moment[i] / correction1 / (MathF.Sqrt(velocity[i] / correction2) + Epsilon)));
            }
        }
    }
}

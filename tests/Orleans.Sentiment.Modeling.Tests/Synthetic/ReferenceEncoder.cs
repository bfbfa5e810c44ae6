using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.Synthetic;

/// <summary>
/// An independent forward pass of the Hugging Face sequence-classification models, written from the
/// PyTorch modules (modeling_bert / modeling_distilbert / modeling_roberta) with naive loops in double
/// precision. It reads the weights by their Hugging Face names and never touches the ONNX graph.
/// </summary>
internal sealed class ReferenceEncoder(SynthWeights weights)
{
    private readonly TransformerShape _shape = weights.Shape;
    private readonly ParameterNames _names = weights.Names;

    /// <summary>Logits for one unpadded sequence.</summary>
    public double[] Logits(IReadOnlyList<int> ids, IReadOnlyList<int>? tokenTypes = null)
    {
        var x = LastHiddenState(ids, tokenTypes);
        var pooled = Linear(x[0], _names.HeadDense);
        for (var i = 0; i < pooled.Length; i++)
        {
            pooled[i] = _shape.Family == TransformerFamily.DistilBert ? Math.Max(0, pooled[i]) : Math.Tanh(pooled[i]);
        }

        return Linear(pooled, _names.HeadOutput);
    }

    /// <summary>The mean of the last hidden state over the tokens of one unpadded sequence (sentence-transformers' mean pooling).</summary>
    public double[] MeanPooled(IReadOnlyList<int> ids, IReadOnlyList<int>? tokenTypes = null)
    {
        var x = LastHiddenState(ids, tokenTypes);
        return [.. Enumerable.Range(0, _shape.Hidden).Select(h => x.Average(token => token[h]))];
    }

    private double[][] LastHiddenState(IReadOnlyList<int> ids, IReadOnlyList<int>? tokenTypes)
    {
        var x = Embeddings(ids, tokenTypes);
        for (var layer = 0; layer < _shape.Layers; layer++)
        {
            x = Layer(x, layer);
        }

        return x;
    }

    private double[][] Embeddings(IReadOnlyList<int> ids, IReadOnlyList<int>? tokenTypes)
    {
        var words = weights[_names.WordEmbeddings + ".weight"];
        var positionTable = weights[_names.PositionEmbeddings + ".weight"];
        var positions = PositionIds(ids);
        var result = new double[ids.Count][];
        for (var t = 0; t < ids.Count; t++)
        {
            var e = new double[_shape.Hidden];
            for (var h = 0; h < e.Length; h++)
            {
                e[h] = words[ids[t], h] + positionTable[positions[t], h];
                if (_shape.TypeVocabSize > 0)
                {
                    e[h] += weights[_names.TokenTypeEmbeddings + ".weight"][tokenTypes?[t] ?? 0, h];
                }
            }

            result[t] = LayerNorm(e, _names.EmbeddingNorm);
        }

        return result;
    }

    /// <summary>RoBERTa: create_position_ids_from_input_ids (padding_idx + running count of real tokens).</summary>
    private int[] PositionIds(IReadOnlyList<int> ids)
    {
        var positions = new int[ids.Count];
        var count = 0;
        for (var t = 0; t < ids.Count; t++)
        {
            if (!_shape.Family.HasRobertaArchitecture())
            {
                positions[t] = t;
            }
            else
            {
                var real = ids[t] != _shape.PadTokenId;
                count += real ? 1 : 0;
                positions[t] = real ? count + _shape.PadTokenId : _shape.PadTokenId;
            }
        }

        return positions;
    }

    private double[][] Layer(double[][] x, int layer)
    {
        var length = x.Length;
        var q = x.Select(row => Linear(row, _names.Query(layer))).ToArray();
        var k = x.Select(row => Linear(row, _names.Key(layer))).ToArray();
        var v = x.Select(row => Linear(row, _names.Value(layer))).ToArray();
        var headSize = _shape.Hidden / _shape.Heads;
        var context = new double[length][];
        for (var i = 0; i < length; i++)
        {
            context[i] = new double[_shape.Hidden];
        }

        for (var head = 0; head < _shape.Heads; head++)
        {
            var offset = head * headSize;
            for (var i = 0; i < length; i++)
            {
                var scores = new double[length];
                for (var j = 0; j < length; j++)
                {
                    for (var d = 0; d < headSize; d++)
                    {
                        scores[j] += q[i][offset + d] * k[j][offset + d];
                    }

                    scores[j] /= Math.Sqrt(headSize);
                }

                var probabilities = Softmax(scores);
                for (var j = 0; j < length; j++)
                {
                    for (var d = 0; d < headSize; d++)
                    {
                        context[i][offset + d] += probabilities[j] * v[j][offset + d];
                    }
                }
            }
        }

        var result = new double[length][];
        for (var i = 0; i < length; i++)
        {
            var attended = LayerNorm(Add(Linear(context[i], _names.AttentionOutput(layer)), x[i]), _names.AttentionNorm(layer));
            var expanded = Linear(attended, _names.FeedForwardIn(layer)).Select(Gelu).ToArray();
            result[i] = LayerNorm(Add(Linear(expanded, _names.FeedForwardOut(layer)), attended), _names.OutputNorm(layer));
        }

        return result;
    }

    /// <summary>torch.nn.Linear: y = x Wᵀ + b with W as [out, in].</summary>
    private double[] Linear(double[] x, string name)
    {
        var w = weights[name + ".weight"];
        var b = weights[name + ".bias"];
        var y = new double[w.Shape[0]];
        for (var o = 0; o < y.Length; o++)
        {
            double sum = b.Data[o];
            for (var i = 0; i < x.Length; i++)
            {
                sum += w[o, i] * x[i];
            }

            y[o] = sum;
        }

        return y;
    }

    private double[] LayerNorm(double[] x, string name)
    {
        var gamma = weights[name + ".weight"].Data;
        var beta = weights[name + ".bias"].Data;
        var mean = x.Average();
        var variance = x.Select(value => (value - mean) * (value - mean)).Average();
        var scale = 1.0 / Math.Sqrt(variance + _shape.LayerNormEpsilon);
        return x.Select((value, i) => ((value - mean) * scale * gamma[i]) + beta[i]).ToArray();
    }

    private static double[] Add(double[] a, double[] b) => a.Select((value, i) => value + b[i]).ToArray();

    private static double[] Softmax(double[] scores)
    {
        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    private static double Gelu(double x) => 0.5 * x * (1 + Erf(x / Math.Sqrt(2)));

    /// <summary>erf by its Maclaurin series (small |x|) or continued fraction of erfc (large |x|); error below 1e-12.</summary>
    internal static double Erf(double x)
    {
        var z = Math.Abs(x);
        double result;
        if (z < 3)
        {
            double term = z, sum = z;
            for (var n = 1; n < 200 && Math.Abs(term) > 1e-17; n++)
            {
                term *= -z * z / n;
                sum += term / ((2 * n) + 1);
            }

            result = 2 / Math.Sqrt(Math.PI) * sum;
        }
        else
        {
            // erfc(z) = exp(-z²)/√π · 1/(z + 1/2/(z + 1/(z + 3/2/(z + ...)))) evaluated from the tail.
            var fraction = z;
            for (var n = 60; n >= 1; n--)
            {
                fraction = z + (n / 2.0 / fraction);
            }

            result = 1 - (Math.Exp(-z * z) / Math.Sqrt(Math.PI) / fraction);
        }

        return x < 0 ? -result : result;
    }
}

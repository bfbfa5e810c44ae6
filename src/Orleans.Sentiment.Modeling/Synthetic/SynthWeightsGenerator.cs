namespace Orleans.Sentiment.Modeling.Synthetic;

/// <summary>Draws seeded random weights with the parameter names and PyTorch shapes of each family.</summary>
public static class SynthWeightsGenerator
{
    public static SynthWeights Generate(TransformerShape shape, IReadOnlyList<string> labels, SynthInitialization? initialization = null)
    {
        shape.Validate();
        if (labels.Count == 0)
        {
            throw new ArgumentException("At least one label is needed.", nameof(labels));
        }

        var init = initialization ?? new SynthInitialization();
        var sampler = new GaussianSampler(init.Seed);
        var weights = new SynthWeights(shape, labels);
        var names = weights.Names;
        var hidden = shape.Hidden;
        var roberta = shape.Family.HasRobertaArchitecture();

        // Hugging Face zeroes the padding_idx row of embeddings that declare one.
        Embedding(weights.Add(names.WordEmbeddings + ".weight", shape.VocabSize, hidden), sampler, init, shape.PadTokenId);
        Embedding(weights.Add(names.PositionEmbeddings + ".weight", shape.MaxPositions, hidden), sampler, init, roberta ? shape.PadTokenId : null);
        if (shape.TypeVocabSize > 0)
        {
            Embedding(weights.Add(names.TokenTypeEmbeddings + ".weight", shape.TypeVocabSize, hidden), sampler, init, null);
        }

        Norm(weights, names.EmbeddingNorm, hidden, sampler, init);
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            Linear(weights, names.Query(layer), hidden, hidden, sampler, init);
            Linear(weights, names.Key(layer), hidden, hidden, sampler, init);
            Linear(weights, names.Value(layer), hidden, hidden, sampler, init);
            Linear(weights, names.AttentionOutput(layer), hidden, hidden, sampler, init);
            Norm(weights, names.AttentionNorm(layer), hidden, sampler, init);
            Linear(weights, names.FeedForwardIn(layer), hidden, shape.Intermediate, sampler, init);
            Linear(weights, names.FeedForwardOut(layer), shape.Intermediate, hidden, sampler, init);
            Norm(weights, names.OutputNorm(layer), hidden, sampler, init);
        }

        Linear(weights, names.HeadDense, hidden, hidden, sampler, init);
        Linear(weights, names.HeadOutput, hidden, labels.Count, sampler, init);
        return weights;
    }

    private static void Embedding(WeightTensor table, GaussianSampler sampler, SynthInitialization init, int? paddingRow)
    {
        sampler.Fill(table.Data, init.WeightStandardDeviation);
        if (paddingRow is { } row)
        {
            table.Data.AsSpan(row * table.Shape[1], table.Shape[1]).Clear();
        }
    }

    private static void Linear(SynthWeights weights, string name, int inputs, int outputs, GaussianSampler sampler, SynthInitialization init)
    {
        sampler.Fill(weights.Add(name + ".weight", outputs, inputs).Data, init.WeightStandardDeviation);
        var bias = weights.Add(name + ".bias", outputs);
        if (init.RandomizeBiasesAndNorms)
        {
            sampler.Fill(bias.Data, 0.5);
        }
    }

    private static void Norm(SynthWeights weights, string name, int size, GaussianSampler sampler, SynthInitialization init)
    {
        var gamma = weights.Add(name + ".weight", size);
        var beta = weights.Add(name + ".bias", size);
        if (init.RandomizeBiasesAndNorms)
        {
            sampler.FillUniform(gamma.Data, 0.5, 1.5);
            sampler.Fill(beta.Data, 0.5);
        }
        else
        {
            gamma.Data.AsSpan().Fill(1f);
        }
    }
}

using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.Synthetic;

/// <summary>Each family with small sizes, so the naive reference runs in milliseconds.</summary>
internal static class TinyShapes
{
    public static TransformerShape For(TransformerFamily family) => family switch
    {
        TransformerFamily.DistilBert => new(family, Layers: 2, Hidden: 32, Heads: 4, Intermediate: 64, MaxPositions: 64, VocabSize: 120, TypeVocabSize: 0, LayerNormEpsilon: 1e-12, PadTokenId: 0),
        TransformerFamily.Bert => new(family, Layers: 2, Hidden: 24, Heads: 3, Intermediate: 48, MaxPositions: 64, VocabSize: 120, TypeVocabSize: 2, LayerNormEpsilon: 1e-12, PadTokenId: 0),
        _ => new(family, Layers: 3, Hidden: 16, Heads: 2, Intermediate: 40, MaxPositions: 66, VocabSize: 120, TypeVocabSize: 1, LayerNormEpsilon: 1e-5, PadTokenId: 1),
    };

    /// <summary>Random biases and LayerNorm parameters, and weights large enough that every term shows in the logits.</summary>
    public static SynthInitialization Strict(int seed = 7) =>
        new() { Seed = seed, WeightStandardDeviation = 0.2, RandomizeBiasesAndNorms = true };
}

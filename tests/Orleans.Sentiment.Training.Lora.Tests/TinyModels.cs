using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Training.Lora.Tests;

/// <summary>Small base models of each family, written as Hugging Face folders with model.safetensors.</summary>
internal static class TinyModels
{
    public static TransformerShape Shape(TransformerFamily family) => family switch
    {
        TransformerFamily.DistilBert => TransformerShape.Tiny with { Family = TransformerFamily.DistilBert, TypeVocabSize = 0 },
        TransformerFamily.Roberta => TransformerShape.Tiny with { Family = TransformerFamily.Roberta, TypeVocabSize = 1, PadTokenId = 1, MaxPositions = 130, LayerNormEpsilon = 1e-5 },
        TransformerFamily.XlmRoberta => TransformerShape.TinyXlmRoberta,
        _ => TransformerShape.Tiny,
    };

    /// <summary>Random weights with random biases and norms, so a forgotten parameter shows.</summary>
    public static SynthWeights Weights(TransformerFamily family, int seed = 7) =>
        SynthWeightsGenerator.Generate(Shape(family), ["a", "b", "c"], new SynthInitialization { Seed = seed, RandomizeBiasesAndNorms = true, WeightStandardDeviation = 0.1 });

    /// <summary>A BERT base folder (WordPiece vocabulary, config.json, model.safetensors).</summary>
    public static string WriteBertFolder(string directory, int seed = 7)
    {
        var weights = SyntheticModelWriter.Write(directory, new SyntheticModelRequest(TransformerShape.Tiny, ["a", "b"])
        {
            Initialization = new SynthInitialization { Seed = seed, WeightStandardDeviation = 0.1 },
        });
        SafetensorsFile.Write(Path.Combine(directory, "model.safetensors"), weights.Tensors);
        return directory;
    }

    /// <summary>An XLM-R base folder (generated Unigram tokenizer.json, config.json, model.safetensors).</summary>
    public static string WriteXlmRobertaFolder(string directory, int seed = 7)
    {
        var weights = SyntheticModelWriter.Write(directory, new SyntheticModelRequest(TransformerShape.TinyXlmRoberta, ["a", "b"])
        {
            Initialization = new SynthInitialization { Seed = seed, WeightStandardDeviation = 0.1 },
        });
        SafetensorsFile.Write(Path.Combine(directory, "model.safetensors"), weights.Tensors);
        return directory;
    }
}

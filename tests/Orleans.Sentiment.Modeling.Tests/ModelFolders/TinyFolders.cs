using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Modeling.Tests.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.ModelFolders;

/// <summary>Writes small synthetic model folders with a generated vocabulary (WordPiece, or Unigram for XLM-R).</summary>
internal static class TinyFolders
{
    public static readonly string[] Labels = ["bug", "praise", "question"];

    public static SynthWeights Write(string directory, TransformerFamily family = TransformerFamily.Bert, int seed = 7, bool multiLabel = false, bool int32Inputs = false)
    {
        // The generated vocabulary needs a few hundred ids (WordPiece) or about a thousand (XLM-R's Unigram).
        var shape = TinyShapes.For(family) with { VocabSize = family == TransformerFamily.XlmRoberta ? 1000 : 400 };
        return SyntheticModelWriter.Write(directory, new SyntheticModelRequest(shape, Labels)
        {
            Initialization = TinyShapes.Strict(seed),
            MultiLabel = multiLabel,
            Int32Inputs = int32Inputs,
        });
    }
}

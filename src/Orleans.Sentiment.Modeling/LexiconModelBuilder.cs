using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Onnx;

namespace Orleans.Sentiment.Modeling;

/// <summary>
/// Writes a bag-of-words classifier whose weights are given, not learned: every listed word adds its
/// weights to the logits and the sum is divided by the number of real tokens. Deterministic and tiny,
/// for tests and as a fallback model the project can make offline.
/// </summary>
public static class LexiconModelBuilder
{
    private static readonly string[] SpecialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    /// <param name="directory">Folder to write.</param>
    /// <param name="labels">Labels in id order.</param>
    /// <param name="bias">Logit bias per label (length of <paramref name="labels"/>).</param>
    /// <param name="wordWeights">Lower-case words and their weight per label.</param>
    public static void Write(string directory, IReadOnlyList<string> labels, float[] bias, IReadOnlyDictionary<string, float[]> wordWeights)
    {
        if (bias.Length != labels.Count || wordWeights.Values.Any(w => w.Length != labels.Count))
        {
            throw new ArgumentException("Every weight vector needs one value per label.", nameof(wordWeights));
        }

        var vocabulary = SpecialTokens.Concat(wordWeights.Keys.Order(StringComparer.Ordinal)).ToList();
        var embedding = new float[vocabulary.Count * labels.Count];
        for (var id = SpecialTokens.Length; id < vocabulary.Count; id++)
        {
            wordWeights[vocabulary[id]].CopyTo(embedding, id * labels.Count);
        }

        var graph = new OnnxGraphBuilder("lexicon");
        var ids = graph.Input("input_ids", OnnxElementType.Int64, "batch", "sequence");
        var mask = graph.Input("attention_mask", OnnxElementType.Int64, "batch", "sequence");
        var table = graph.Initializer("word_weights", embedding, vocabulary.Count, labels.Count);
        var gathered = graph.Node("Gather", [table, ids], ("axis", 0L));
        var maskFloat = graph.Node("Cast", [mask], ("to", (long)OnnxElementType.Float));
        var maskColumn = graph.Node("Unsqueeze", [maskFloat, graph.Int64s(2)]);
        var summed = graph.Node("ReduceSum", [graph.Node("Mul", [gathered, maskColumn]), graph.Int64s(1)], ("keepdims", 0L));
        var tokens = graph.Node("ReduceSum", [maskFloat, graph.Int64s(1)], ("keepdims", 1L));
        var mean = graph.Node("Div", [summed, graph.Node("Max", [tokens, graph.FloatScalar(1f)])]);
        graph.NodeNamed("Add", [mean, graph.Initializer("bias", bias, labels.Count)], "logits");
        graph.Output("logits", OnnxElementType.Float, "batch", labels.Count);

        graph.Save(ModelFolderWriter.OnnxPath(directory));
        ModelFolderWriter.WriteConfig(directory, labels, ProblemType.SingleLabel, "lexicon");
        File.WriteAllLines(Path.Combine(directory, "vocab.txt"), vocabulary);
        File.WriteAllText(Path.Combine(directory, "tokenizer_config.json"), "{\"do_lower_case\": true, \"model_max_length\": 512}\n");
    }
}

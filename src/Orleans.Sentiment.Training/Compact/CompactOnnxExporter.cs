using Orleans.Sentiment.Modeling.Onnx;

namespace Orleans.Sentiment.Training.Compact;

/// <summary>
/// Writes a <see cref="CompactModel"/> as an ONNX graph with the usual <c>input_ids</c>/<c>attention_mask</c>
/// inputs and a <c>logits</c> output. Bigram hashing runs inside the graph on adjacent ids with the same int64
/// arithmetic as <see cref="FeatureHashing"/>; padding is masked out of both the sums and the counts.
/// </summary>
public static class CompactOnnxExporter
{
    public static void Save(CompactModel model, string path)
    {
        var vocabularySize = model.Vocabulary.Count;
        var graph = new OnnxGraphBuilder("compact_text_classifier");
        var ids = graph.Input("input_ids", OnnxElementType.Int64, "batch", "sequence");
        var mask = graph.Input("attention_mask", OnnxElementType.Int64, "batch", "sequence");
        var table = graph.Initializer("embeddings", model.Embeddings, vocabularySize + model.BigramBuckets, model.Dimensions);
        var maskFloat = graph.Node("Cast", [mask], ("to", (long)OnnxElementType.Float));
        var sum = MaskedSum(graph, graph.Node("Gather", [table, ids], ("axis", 0L)), maskFloat);
        var count = graph.Node("ReduceSum", [maskFloat, graph.Int64s(1)], ("keepdims", 1L));

        if (model.BigramBuckets > 0)
        {
            var left = SliceSequence(graph, ids, 0, -1);
            var right = SliceSequence(graph, ids, 1, long.MaxValue);
            var mixed = graph.Node("Add", [graph.Node("Mul", [left, graph.Int64Scalar(FeatureHashing.Multiplier)]), right]);
            var bucket = graph.Node("Mod", [mixed, graph.Int64Scalar(model.BigramBuckets)]);
            var rows = graph.Node("Add", [bucket, graph.Int64Scalar(vocabularySize)]);
            var pairMask = graph.Node("Mul", [SliceSequence(graph, maskFloat, 0, -1), SliceSequence(graph, maskFloat, 1, long.MaxValue)]);
            sum = graph.Node("Add", [sum, MaskedSum(graph, graph.Node("Gather", [table, rows], ("axis", 0L)), pairMask)]);
            count = graph.Node("Add", [count, graph.Node("ReduceSum", [pairMask, graph.Int64s(1)], ("keepdims", 1L))]);
        }

        var hidden = graph.Node("Div", [sum, graph.Node("Max", [count, graph.FloatScalar(1f)])]);
        var weights = graph.Initializer("classifier_weight", Transpose(model.OutputWeights, model.Labels.Count, model.Dimensions), model.Dimensions, model.Labels.Count);
        var bias = graph.Initializer("classifier_bias", model.OutputBias, model.Labels.Count);
        graph.NodeNamed("Add", [graph.Node("MatMul", [hidden, weights]), bias], "logits");
        graph.Output("logits", OnnxElementType.Float, "batch", model.Labels.Count);
        graph.Save(path, new Dictionary<string, string> { ["engine"] = "compact", ["bigram_multiplier"] = FeatureHashing.Multiplier.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    }

    private static string MaskedSum(OnnxGraphBuilder graph, string vectors, string maskFloat) =>
        graph.Node("ReduceSum", [graph.Node("Mul", [vectors, graph.Node("Unsqueeze", [maskFloat, graph.Int64s(2)])]), graph.Int64s(1)], ("keepdims", 0L));

    private static string SliceSequence(OnnxGraphBuilder graph, string input, long start, long end) =>
        graph.Node("Slice", [input, graph.Int64s(start), graph.Int64s(end), graph.Int64s(1)]);

    private static float[] Transpose(float[] matrix, int rows, int columns)
    {
        var result = new float[matrix.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[(c * rows) + r] = matrix[(r * columns) + c];
            }
        }

        return result;
    }
}

using Microsoft.ML.OnnxRuntime;

namespace Orleans.Sentiment.Modeling.Tests.Synthetic;

/// <summary>Feeds token ids straight to an ONNX graph (no tokenizer), padding rows to the longest.</summary>
internal sealed class OnnxRunner(byte[] model) : IDisposable
{
    private readonly InferenceSession _session = new(model, new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL });

    public IReadOnlyCollection<string> InputNames => [.. _session.InputMetadata.Keys];

    public float[][] Run(IReadOnlyList<int[]> sequences, int padId, IReadOnlyList<int[]>? tokenTypes = null) =>
        Run(sequences, padId, "logits", tokenTypes);

    /// <summary>One row of <paramref name="output"/> per sequence.</summary>
    public float[][] Run(IReadOnlyList<int[]> sequences, int padId, string output, IReadOnlyList<int[]>? tokenTypes = null)
    {
        var length = sequences.Max(s => s.Length);
        var ids = new long[sequences.Count * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        for (var row = 0; row < sequences.Count; row++)
        {
            for (var t = 0; t < length; t++)
            {
                var real = t < sequences[row].Length;
                ids[(row * length) + t] = real ? sequences[row][t] : padId;
                mask[(row * length) + t] = real ? 1 : 0;
                types[(row * length) + t] = real && tokenTypes is not null ? tokenTypes[row][t] : 0;
            }
        }

        long[] shape = [sequences.Count, length];
        var feeds = new Dictionary<string, OrtValue>
        {
            ["input_ids"] = OrtValue.CreateTensorValueFromMemory(ids, shape),
            ["attention_mask"] = OrtValue.CreateTensorValueFromMemory(mask, shape),
        };
        if (InputNames.Contains("token_type_ids"))
        {
            feeds["token_type_ids"] = OrtValue.CreateTensorValueFromMemory(types, shape);
        }

        try
        {
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, feeds, [output]);
            var values = outputs[0].GetTensorDataAsSpan<float>().ToArray();
            var width = values.Length / sequences.Count;
            return [.. Enumerable.Range(0, sequences.Count).Select(row => values[(row * width)..((row + 1) * width)])];
        }
        finally
        {
            foreach (var value in feeds.Values)
            {
                value.Dispose();
            }
        }
    }

    public void Dispose() => _session.Dispose();
}

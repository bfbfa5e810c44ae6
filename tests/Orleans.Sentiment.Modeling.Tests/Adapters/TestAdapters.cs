using System.Text.Json.Nodes;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;

namespace Orleans.Sentiment.Modeling.Tests.Adapters;

/// <summary>
/// Random PEFT LoRA adapters written as the trainer writes them (adapter_config.json + adapter_model.safetensors, the head
/// as modules_to_save) plus head_config.json: nonzero A and B on the query/value modules, so every branch shows in the logits.
/// </summary>
internal static class TestAdapters
{
    public static readonly string[] Labels = ["bug", "praise", "question"];

    /// <summary>Writes the adapter's files into <paramref name="directory"/> and returns them as an artifact.</summary>
    /// <param name="directory">Where the PEFT folder goes (for <see cref="PeftAdapter.Read"/>).</param>
    /// <param name="shape">The base encoder's shape.</param>
    /// <param name="seed">Draws the matrices.</param>
    /// <param name="rank">LoRA rank; 0 for a head-only version.</param>
    /// <param name="pooling">"cls" (the family's head) or "mean" (pre_classifier + classifier on the mean).</param>
    public static AdapterArtifact Write(string directory, TransformerShape shape, int seed, int rank = 8, string pooling = "cls", string[]? labels = null, float alpha = 16)
    {
        labels ??= Labels;
        var names = new ParameterNames(shape.Family);
        var random = new Random(seed);
        var tensors = new Dictionary<string, WeightTensor>(StringComparer.Ordinal);
        WeightTensor Draw(double scale, params int[] dims)
        {
            var data = new float[dims.Aggregate(1, (p, d) => p * d)];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = (float)((random.NextDouble() * 2 - 1) * scale);
            }

            return new WeightTensor(data, dims);
        }

        if (rank > 0)
        {
            foreach (var module in LoraBankLayout.QueryValue(shape).Modules)
            {
                tensors[PeftAdapter.KeyPrefix + module + ".lora_A.weight"] = Draw(0.3, rank, shape.Hidden);
                tensors[PeftAdapter.KeyPrefix + module + ".lora_B.weight"] = Draw(0.3, shape.Hidden, rank);
            }
        }

        var (hidden, output) = pooling == "cls" ? (names.HeadDense, names.HeadOutput) : ("pre_classifier", "classifier");
        tensors[PeftAdapter.KeyPrefix + hidden + ".weight"] = Draw(0.3, shape.Hidden, shape.Hidden);
        tensors[PeftAdapter.KeyPrefix + hidden + ".bias"] = Draw(0.3, shape.Hidden);
        tensors[PeftAdapter.KeyPrefix + output + ".weight"] = Draw(0.5, labels.Length, shape.Hidden);
        tensors[PeftAdapter.KeyPrefix + output + ".bias"] = Draw(0.5, labels.Length);

        Directory.CreateDirectory(directory);
        SafetensorsFile.Write(Path.Combine(directory, PeftAdapter.WeightsFileName), tensors);
        var config = new JsonObject
        {
            ["peft_type"] = "LORA",
            ["task_type"] = "SEQ_CLS",
            ["r"] = Math.Max(rank, 1),
            ["lora_alpha"] = alpha,
            ["target_modules"] = new JsonArray("query", "value"),
            ["use_dora"] = false,
            ["use_rslora"] = false,
        };
        File.WriteAllText(Path.Combine(directory, PeftAdapter.ConfigFileName), config.ToJsonString());
        var head = new JsonObject
        {
            ["labels"] = new JsonArray([.. labels.Select(l => (JsonNode)l)]),
            ["problem_type"] = "single_label_classification",
            ["pooling"] = pooling,
            ["normalize"] = false,
        };
        File.WriteAllText(Path.Combine(directory, AdapterArtifact.HeadConfigFileName), head.ToJsonString());
        return Read(directory);
    }

    public static AdapterArtifact Read(string directory) =>
        new(Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal));

    /// <summary>The encoder part of <paramref name="weights"/>, which the shared graph is built from.</summary>
    public static SynthWeights EncoderOnly(SynthWeights weights)
    {
        var encoder = new SynthWeights(weights.Shape, []);
        foreach (var name in PretrainedEncoder.EncoderParameterNames(weights.Shape, weights.Names))
        {
            encoder.Set(name, weights[name]);
        }

        return encoder;
    }

    /// <summary>Token ids of the given lengths, drawn from the vocabulary past the padding id.</summary>
    public static int[][] Sequences(TransformerShape shape, int seed, params int[] lengths)
    {
        var random = new Random(seed);
        return [.. lengths.Select(length => Enumerable.Range(0, length).Select(_ => random.Next(shape.PadTokenId + 1, shape.VocabSize)).ToArray())];
    }

    public static double MaxDifference(float[] expected, float[] actual) =>
        expected.Length != actual.Length ? double.PositiveInfinity : expected.Zip(actual, (e, a) => Math.Abs((double)e - a)).Max();
}

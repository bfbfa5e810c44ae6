using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Training.Head;
using Orleans.Sentiment.Training.Pretrained;

namespace Orleans.Sentiment.Training.Tests.Head;

/// <summary>One extraction of builtin:minilm shared by the tests below.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmFixture() => Folder = MiniLmModel.EnsureExtracted(Cache.Path);

    public TemporaryDirectory Cache { get; } = new();

    public string Folder { get; }

    public void Dispose() => Cache.Dispose();
}

public sealed class MiniLmModelTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    [Fact]
    public void EnsureExtracted_Folder_IsAHuggingFaceBertModel()
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Folder, "config.json")))!.AsObject();

        Assert.Equal("BertModel", (string?)config["architectures"]![0]);
        Assert.Equal("bert", (string?)config["model_type"]);
        Assert.Equal((384, 6, 12, 1536, 30522), ((int)config["hidden_size"]!, (int)config["num_hidden_layers"]!, (int)config["num_attention_heads"]!, (int)config["intermediate_size"]!, (int)config["vocab_size"]!));
        Assert.Equal(30522, File.ReadAllLines(Path.Combine(fixture.Folder, "vocab.txt")).Length);
        Assert.True(File.Exists(Path.Combine(fixture.Folder, "tokenizer.json")));
        Assert.True(File.Exists(Path.Combine(fixture.Folder, "onnx", "model.onnx")));
    }

    [Fact]
    public void EnsureExtracted_Safetensors_HoldEveryWeightUnderHuggingFaceNames()
    {
        var tensors = SafetensorsFile.Read(Path.Combine(fixture.Folder, "model.safetensors"));

        Assert.Equal([384, 384], tensors["encoder.layer.0.attention.self.query.weight"].Shape);
        Assert.Equal([1536, 384], tensors["encoder.layer.5.intermediate.dense.weight"].Shape);
        Assert.Equal([30522, 384], tensors["embeddings.word_embeddings.weight"].Shape);
        Assert.True(tensors.ContainsKey("pooler.dense.weight"));
        Assert.Equal(22_713_216, tensors.Values.Sum(t => (long)t.Data.Length));
    }

    [Fact]
    public void EnsureExtracted_AnotherCache_WritesTheSameBytes()
    {
        using var other = new TemporaryDirectory();

        var again = MiniLmModel.EnsureExtracted(other.Path);

        Assert.Equal(Path.GetFileName(fixture.Folder), Path.GetFileName(again));
        foreach (var file in new[] { "model.safetensors", "config.json", "vocab.txt", "tokenizer.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.Folder, file)), File.ReadAllBytes(Path.Combine(again, file)));
        }
    }

    [Fact]
    public void SentenceEmbedder_ExtractedWeights_MatchThePackagesOwnGraphWithin1e4()
    {
        string[] texts = ["The app keeps crashing!", "Love it", "Refund still not processed after three weeks, terrible support."];
        using var embedder = new SentenceEmbedder(PretrainedEncoder.Load(fixture.Folder), 128);
        var ours = embedder.Embed(texts);

        var encoded = texts.Select(t => embedder.Tokenizer.Encode(t, 128)).ToArray();
        var batch = PaddedBatch.Create(encoded, embedder.Tokenizer.PadTokenId);
        long[] shape = [texts.Length, batch.SequenceLength];
        using var session = new InferenceSession(Path.Combine(fixture.Folder, "onnx", "model.onnx"));
        using var ids = OrtValue.CreateTensorValueFromMemory(batch.InputIds, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(batch.AttentionMask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[batch.InputIds.Length], shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [ids, mask, types], ["last_hidden_state"]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        double worst = 0;
        for (var row = 0; row < texts.Length; row++)
        {
            for (var d = 0; d < 384; d++)
            {
                var mean = Enumerable.Range(0, encoded[row].Length).Average(t => hidden[(((row * batch.SequenceLength) + t) * 384) + d]);
                worst = Math.Max(worst, Math.Abs(mean - ours[row][d]));
            }
        }

        Assert.True(worst <= 1e-4, $"max difference {worst:E3}");
    }
}

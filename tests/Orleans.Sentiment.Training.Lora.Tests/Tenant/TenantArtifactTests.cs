using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Adapters;
using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Training.Lora.Tenant;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Training.Lora.Tests.Tenant;

/// <summary>A trained model's artifact, merged and served by ONNX Runtime, gives the trainer's own probabilities.</summary>
public sealed class TenantArtifactTests
{
    private static readonly string[] Labels = ["bug", "feature", "praise"];
    private static readonly string[] Texts = ["the app crash again", "please add a feature", "love it", "it was so very slow and it crash"];

    [Theory]
    [InlineData(HeadPooling.Mean)]
    [InlineData(HeadPooling.Cls)]
    public void FromLora_ServedThroughAMergedModel_MatchesTheTrainersForwardPass(HeadPooling pooling)
    {
        using var work = new TemporaryDirectory();
        var baseFolder = TinyModels.WriteBertFolder(Path.Combine(work.Path, "base"));
        var encoder = PretrainedEncoder.Load(baseFolder);
        var tokenizer = TokenizerLoader.Load(baseFolder);
        var options = new LoraOptions { Pooling = pooling, Seed = 4 };
        using var model = new LoraClassifier(encoder.Shape, encoder.Weights, Labels.Length, options, LoraTargets.Resolve(encoder.Shape, LoraTargets.DefaultTargets(encoder.Shape.Family)));
        LoraTestHelpers.RandomizeB(model, 0.5);
        var examples = LoraTrainer.Tokenize([.. Texts.Select(t => new LabeledExample(t, ["bug"]))], Labels, tokenizer, 32);
        var expected = LoraTrainer.Logits(model, examples, tokenizer.PadTokenId, batchSize: 4).Select(Softmax).ToArray();

        var artifact = TenantArtifactWriter.FromLora(model, Labels, multiLabel: false, "tiny");

        var head = JsonNode.Parse(artifact.Files[AdapterArtifact.HeadConfigFileName])!;
        Assert.Equal(pooling == HeadPooling.Mean ? "mean" : "cls", head["pooling"]!.GetValue<string>());
        Assert.Equal(Labels, head["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var folder = Path.Combine(work.Path, "served");
        ArtifactModelFolder.Write(artifact, baseFolder, folder);
        using var classifier = OnnxTextClassifier.Load("tenant", folder);
        var served = classifier.Classify(Texts);
        for (var i = 0; i < Texts.Length; i++)
        {
            for (var c = 0; c < Labels.Length; c++)
            {
                Assert.Equal(expected[i][c], served[i].Scores[Labels[c]], 1e-4);
            }
        }
    }

    [Fact]
    public void FromLora_MeanPooled_CarriesTheClassifierButNoPooler()
    {
        using var work = new TemporaryDirectory();
        var encoder = PretrainedEncoder.Load(TinyModels.WriteBertFolder(Path.Combine(work.Path, "base")));
        using var model = new LoraClassifier(encoder.Shape, encoder.Weights, Labels.Length, new LoraOptions { Pooling = HeadPooling.Mean }, LoraTargets.Resolve(encoder.Shape, ["query", "value"]));

        var artifact = TenantArtifactWriter.FromLora(model, Labels, multiLabel: true, "tiny");

        var path = work.File("adapter.safetensors");
        File.WriteAllBytes(path, artifact.Files[PeftAdapterWriter.WeightsFileName]);
        var names = SafetensorsFile.Read(path).Keys.ToList();
        Assert.Contains("base_model.model.classifier.weight", names);
        Assert.DoesNotContain(names, n => n.Contains("pooler", StringComparison.Ordinal));
        Assert.Equal(2 * 2 * encoder.Shape.Layers, names.Count(n => n.Contains(".lora_", StringComparison.Ordinal)));
        Assert.Equal("multi_label_classification", JsonNode.Parse(artifact.Files[AdapterArtifact.HeadConfigFileName])!["problem_type"]!.GetValue<string>());
    }

    private static float[] Softmax(float[] logits)
    {
        var max = logits.Max();
        var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exp.Sum();
        return [.. exp.Select(e => (float)(e / sum))];
    }
}

using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Training.Pretrained;
using static TorchSharp.torch;

namespace Orleans.Sentiment.Training.Lora.Tests;

/// <summary>
/// <see cref="PeftAdapter"/> merges a saved adapter onto its base in plain C# exactly as TorchSharp does, so a model
/// built from a shipped adapter (the built-in models) is the model that was trained.
/// </summary>
public sealed class PeftAdapterMergeTests
{
    [Theory]
    [InlineData(TransformerFamily.Bert)]
    [InlineData(TransformerFamily.DistilBert)]
    [InlineData(TransformerFamily.Roberta)]
    public void Merge_SavedAdapter_GivesTorchSharpsMergedWeights(TransformerFamily family)
    {
        using var model = LoraExportTests.TrainedLookingModel(family);
        using var folder = new TemporaryDirectory();
        PeftAdapterWriter.Write(folder.Path, model, "base");

        var merged = PeftAdapter.Read(folder.Path).Merge(TinyEncoder(family));
        var expected = model.MergedWeights();

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), merged.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, tensor) in expected)
        {
            Assert.Equal(tensor.Shape, merged[name].Shape);
            Assert.True(LoraExportTests.MaxDifference(tensor.Data, merged[name].Data) <= 1e-5, $"{name}: max difference {LoraExportTests.MaxDifference(tensor.Data, merged[name].Data):E3}");
        }

        var query = new ParameterNames(family).Query(0) + ".weight";
        Assert.True(LoraExportTests.MaxDifference(TinyEncoder(family).Weights[query].Data, merged[query].Data) > 1e-3, "the adapter changes the targets, so the comparison means something");
    }

    [Fact]
    public void Merge_ExportedGraph_MatchesTorchSharpLogitsWithin1e4()
    {
        using var model = LoraExportTests.TrainedLookingModel(TransformerFamily.Bert);
        using var folder = new TemporaryDirectory();
        PeftAdapterWriter.Write(folder.Path, model, "base");
        var (ids, mask) = LoraTestHelpers.PaddedBatch(model.Shape);
        float[] expected;
        using (no_grad())
        {
            expected = model.Forward(ids, mask, training: false).data<float>().ToArray();
        }

        var weights = new SynthWeights(model.Shape, ["a", "b", "c"]);
        foreach (var (name, tensor) in PeftAdapter.Read(folder.Path).Merge(TinyEncoder(TransformerFamily.Bert)))
        {
            weights.Set(name, tensor);
        }

        using var session = new InferenceSession(TransformerGraphWriter.Build(weights, TransformerHead.SequenceClassification));
        var actual = LoraExportTests.Run(session, ids, mask);

        Assert.True(LoraExportTests.MaxDifference(expected, actual) <= 1e-4, $"max difference {LoraExportTests.MaxDifference(expected, actual):E3}");
    }

    [Fact]
    public void Read_NotALoraAdapter_NamesTheField()
    {
        using var model = LoraExportTests.TrainedLookingModel(TransformerFamily.Bert);
        using var folder = new TemporaryDirectory();
        PeftAdapterWriter.Write(folder.Path, model, "base");
        var config = JsonNode.Parse(File.ReadAllText(folder.File(PeftAdapter.ConfigFileName)))!.AsObject();
        config["peft_type"] = "IA3";
        File.WriteAllText(folder.File(PeftAdapter.ConfigFileName), config.ToJsonString());

        var error = Assert.Throws<InvalidDataException>(() => PeftAdapter.Read(folder.Path));

        Assert.Contains("peft_type is 'IA3', expected 'LORA'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_AdapterForAnotherShape_SaysWhichModuleDoesNotFit()
    {
        using var model = LoraExportTests.TrainedLookingModel(TransformerFamily.Bert);
        using var folder = new TemporaryDirectory();
        PeftAdapterWriter.Write(folder.Path, model, "base");
        var adapter = PeftAdapter.Read(folder.Path);

        var error = Assert.Throws<InvalidDataException>(() => (adapter with { Rank = adapter.Rank * 2 }).Merge(TinyEncoder(TransformerFamily.Bert)));

        Assert.Contains("do not fit weight", error.Message, StringComparison.Ordinal);
    }

    private static PretrainedEncoder TinyEncoder(TransformerFamily family) => new(TinyModels.Shape(family), TinyModels.Weights(family).Tensors, "");
}

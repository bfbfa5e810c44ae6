using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Safetensors;
using Orleans.Sentiment.Modeling.Synthetic;
using Orleans.Sentiment.Training.Head;

namespace Orleans.Sentiment.Training.Tests.Head;

/// <summary><c>--method head</c> end to end on a tiny BERT base folder.</summary>
public sealed class HeadEngineTests
{
    [Fact]
    public void Train_EasyLabels_WritesOneGraphThatLearnedThem()
    {
        using var work = new TemporaryDirectory();
        var baseFolder = Path.Combine(work.Path, "base");
        var weights = SyntheticModelWriter.Write(baseFolder, new SyntheticModelRequest(TransformerShape.Tiny, ["x", "y"]) { Initialization = new() { WeightStandardDeviation = 0.1 } });
        SafetensorsFile.Write(Path.Combine(baseFolder, "model.safetensors"), weights.Tensors);
        var output = Path.Combine(work.Path, "model");
        string[] positive = ["good", "great", "love", "excellent", "nice", "fun"];
        string[] negative = ["bad", "awful", "hate", "terrible", "worst", "boring"];
        var examples = Enumerable.Range(0, 120)
            .Select(i => new LabeledExample($"{(i % 2 == 0 ? positive : negative)[i % 6]} {(i % 2 == 0 ? positive : negative)[(i / 2) % 6]} the app", [i % 2 == 0 ? "positive" : "negative"]))
            .ToList();

        var model = new HeadEngine(baseFolder, new HeadOptions { HiddenSize = 16, Seed = 2, LearningRate = 1e-2f }).Train(examples, null, output, null, CancellationToken.None);

        using var classifier = OnnxTextClassifier.Load("head", output);
        Assert.Equal(["negative", "positive"], classifier.Labels);
        Assert.Equal(["positive", "negative"], classifier.Classify(["great fun the app", "awful boring the app"]).Select(p => p.Label));
        Assert.True(model.Validation.MacroF1 >= 0.9, $"validation macro-F1 {model.Validation.MacroF1:0.000}");
        Assert.Contains("\"engine\": \"head\"", File.ReadAllText(Path.Combine(output, "config.json")));
    }
}

using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Testing;
using Orleans.Sentiment.Training.Compact;

namespace Orleans.Sentiment.Training.Lora.Tests;

/// <summary>Training end to end on a tiny BERT folder: determinism per seed, the exported folder, early stopping and the CLI.</summary>
public sealed class LoraTrainingTests
{
    private static readonly LoraOptions Fast = new() { Epochs = 2, BatchSize = 8, LearningRate = 1e-2, MaxLength = 16, Seed = 5, Patience = 2 };

    [Fact]
    public void Train_SameSeed_WritesIdenticalAdapters()
    {
        using var work = new TemporaryDirectory();
        var baseFolder = TinyModels.WriteBertFolder(Path.Combine(work.Path, "base"));

        Train(baseFolder, Path.Combine(work.Path, "one"), Fast);
        Train(baseFolder, Path.Combine(work.Path, "two"), Fast);
        Train(baseFolder, Path.Combine(work.Path, "three"), Fast with { Seed = 6 });

        var adapter = Path.Combine("adapter", "adapter_model.safetensors");
        Assert.Equal(File.ReadAllBytes(Path.Combine(work.Path, "one", adapter)), File.ReadAllBytes(Path.Combine(work.Path, "two", adapter)));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(work.Path, "one", adapter)), File.ReadAllBytes(Path.Combine(work.Path, "three", adapter)));
    }

    [Fact]
    public void Train_EasyLabels_WritesAFolderTheRuntimeLoadsAndThatLearnedThem()
    {
        using var work = new TemporaryDirectory();
        var baseFolder = TinyModels.WriteBertFolder(Path.Combine(work.Path, "base"));
        var output = Path.Combine(work.Path, "model");
        var history = new List<TrainingProgress>();

        var model = Train(baseFolder, output, Fast with { Epochs = 6, Patience = 6 }, history);

        using var classifier = OnnxTextClassifier.Load("lora", output);
        var predictions = classifier.Classify(["good great love", "bad awful hate", "excellent nice fun", "terrible worst boring"]);
        Assert.Equal(["negative", "positive"], classifier.Labels);
        Assert.Equal(["positive", "negative", "positive", "negative"], predictions.Select(p => p.Label));
        Assert.True(model.Validation.MacroF1 >= 0.9, $"validation macro-F1 {model.Validation.MacroF1:0.000}");
        Assert.True(File.Exists(Path.Combine(output, "adapter", "adapter_config.json")));
        Assert.Equal(history.Count, model.History.Count);
    }

    [Fact]
    public void Train_MultiLabelData_TrainsWithSigmoidAndWritesTheProblemType()
    {
        using var work = new TemporaryDirectory();
        var baseFolder = TinyModels.WriteBertFolder(Path.Combine(work.Path, "base"));
        var output = Path.Combine(work.Path, "model");
        var examples = Enumerable.Range(0, 48).Select(i => (i % 3) switch
        {
            0 => new LabeledExample("the app crash again", ["bug"]),
            1 => new LabeledExample("please add feature", ["feature"]),
            _ => new LabeledExample("crash bug please add feature", ["bug", "feature"]),
        }).ToList();

        var model = new LoraEngine(baseFolder, baseFolder, Fast).Train(examples, null, output, null, CancellationToken.None);

        Assert.Equal(ProblemType.MultiLabel, model.ProblemType);
        Assert.Equal(ProblemType.MultiLabel, ModelConfig.Load(output).ProblemType);
    }

    [Fact]
    public async Task Cli_TrainMethodLora_WritesTheMergedModelAndAdapter()
    {
        using var work = new TemporaryDirectory();
        var baseFolder = TinyModels.WriteBertFolder(Path.Combine(work.Path, "base"));
        var data = work.File("data.csv");
        File.WriteAllLines(data, ["text,label", .. Examples().Select(e => $"{e.Text},{e.Labels[0]}")]);
        var output = Path.Combine(work.Path, "model");

        var result = await CliProcess.RunAsync("train", "--method", "lora", "--base", baseFolder, "--data", data, "--out", output,
            "--epochs", "1", "--batch-size", "8", "--max-length", "16", "--lora-r", "4", "--lora-alpha", "8", "--lora-dropout", "0.05");

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.Contains("trainable params:", result.Output);
        Assert.Contains("epoch 1/1", result.Output);
        Assert.True(File.Exists(Path.Combine(output, "onnx", "model.onnx")));
        Assert.Contains("\"r\": 4", File.ReadAllText(Path.Combine(output, "adapter", "adapter_config.json")));
    }

    [Fact]
    public async Task Cli_BaseWithPickledWeightsOnly_FailsWithAClearMessage()
    {
        using var work = new TemporaryDirectory();
        var baseFolder = TinyModels.WriteBertFolder(Path.Combine(work.Path, "base"));
        File.Move(Path.Combine(baseFolder, "model.safetensors"), Path.Combine(baseFolder, "pytorch_model.bin"));
        var data = work.File("data.csv");
        File.WriteAllLines(data, ["text,label", "good,positive", "bad,negative"]);

        var result = await CliProcess.RunAsync("train", "--method", "lora", "--base", baseFolder, "--data", data, "--out", Path.Combine(work.Path, "model"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pytorch_model.bin but no model.safetensors", result.Error);
    }

    private static Engines.TrainedModel Train(string baseFolder, string output, LoraOptions options, List<TrainingProgress>? history = null) =>
        new LoraEngine(baseFolder, baseFolder, options).Train(
            Examples(), null, output, history is null ? null : new Collect<TrainingProgress>(history), CancellationToken.None);

    private static List<LabeledExample> Examples()
    {
        string[] positive = ["good", "great", "love", "excellent", "nice", "fun", "best", "like"];
        string[] negative = ["bad", "awful", "hate", "terrible", "worst", "boring", "slow", "never"];
        string[] filler = ["the", "app", "movie", "service", "flight", "story", "it", "was", "very", "so"];
        var random = new Random(1);
        return [.. Enumerable.Range(0, 96).Select(i =>
        {
            var polar = i % 2 == 0 ? positive : negative;
            var words = Enumerable.Range(0, 5).Select(w => w % 2 == 0 ? polar[random.Next(polar.Length)] : filler[random.Next(filler.Length)]);
            return new LabeledExample(string.Join(' ', words), [i % 2 == 0 ? "positive" : "negative"]);
        })];
    }

    private sealed class Collect<T>(List<T> into) : IProgress<T>
    {
        public void Report(T value) => into.Add(value);
    }
}

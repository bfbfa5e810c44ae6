using System.Text.Json.Nodes;
using Orleans.Sentiment.Testing;

namespace Orleans.Sentiment.Training.Tests;

/// <summary>The <c>train</c> and <c>evaluate</c> verbs run as a separate process with redirected output.</summary>
public sealed class TrainEvaluateCliTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task TrainThenEvaluate_LabelledCsv_WritesModelReportAndMisclassifiedRows()
    {
        var train = _directory.File("train.csv");
        var test = _directory.File("test.csv");
        TrainingPipeline.WriteExamples(train, SyntheticFeedback.Sentiment(300, seed: 31));
        TrainingPipeline.WriteExamples(test, SyntheticFeedback.Sentiment(60, seed: 32).Append(new LabeledExample("checkout is great", ["negative"])));
        var model = Path.Combine(_directory.Path, "model");
        var report = Path.Combine(_directory.Path, "reports", "test.json");

        var trained = await CliProcess.RunAsync("train", "--data", train, "--out", model, "--seed", "5", "--dim", "8", "--buckets", "1024");
        var evaluated = await CliProcess.RunAsync("evaluate", "--model", model, "--data", test, "--report", report);

        Assert.True(trained.ExitCode == 0, trained.Error);
        Assert.Contains("epoch 1/", trained.Output);
        Assert.Contains("best epoch", trained.Output);
        Assert.True(evaluated.ExitCode == 0, evaluated.Error);
        Assert.Contains("macro-F1", evaluated.Output);
        var json = JsonNode.Parse(File.ReadAllText(report))!;
        Assert.Equal(61, (int)json["count"]!);
        Assert.InRange((double)json["accuracy"]!, 0.9, 60.0 / 61);
        Assert.NotNull(json["macro_f1"]);
        Assert.NotNull(json["per_label"]!["negative"]);
        Assert.NotNull(json["confusion"]!["negative"]!["positive"]);
        var misclassified = File.ReadAllLines(Path.Combine(_directory.Path, "reports", "test.misclassified.csv"));
        Assert.Contains("checkout is great,negative,positive,", string.Join('\n', misclassified));
    }

    [Fact]
    public async Task Train_MissingLabelColumn_FailsNamingTheColumn()
    {
        var train = _directory.File("train.csv");
        File.WriteAllText(train, "text,sentiment\ngood,positive\n");

        var result = await CliProcess.RunAsync("train", "--data", train, "--label-column", "category", "--out", Path.Combine(_directory.Path, "model"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no column 'category'", result.Error);
    }
}

using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Training.Compact;

namespace Orleans.Sentiment.Training.Tests;

public sealed class CompactTrainerTests
{
    private static readonly CompactOptions SmallModel = new() { Dimensions = 8, BigramBuckets = 1024, Seed = 9 };

    [Fact]
    public void Train_SameSeed_ProducesIdenticalWeights()
    {
        var data = SyntheticFeedback.Sentiment(300, seed: 1);

        var first = new CompactTrainer(SmallModel).Train(data).Model;
        var second = new CompactTrainer(SmallModel).Train(data).Model;
        var otherSeed = new CompactTrainer(SmallModel with { Seed = 10 }).Train(data).Model;

        Assert.Equal(first.Embeddings, second.Embeddings);
        Assert.Equal(first.OutputWeights, second.OutputWeights);
        Assert.NotEqual(first.Embeddings, otherSeed.Embeddings);
    }

    [Fact]
    public void Train_CueWordData_LearnsLabelsOfUnseenSentences()
    {
        var result = new CompactTrainer(SmallModel).Train(SyntheticFeedback.Sentiment(400, seed: 2));
        var tokenizer = CompactTokenizer.Create(result.Model.Vocabulary, 512);

        var positive = result.Model.Logits(tokenizer.Encode("the new update is wonderful and fast"));
        var negative = result.Model.Logits(tokenizer.Encode("checkout is broken and useless"));

        Assert.Equal(["negative", "positive"], result.Model.Labels);
        Assert.True(positive[1] > positive[0], "a sentence with positive cue words should score positive");
        Assert.True(negative[0] > negative[1], "a sentence with negative cue words should score negative");
        Assert.True(result.Validation.Accuracy > 0.9, $"validation accuracy {result.Validation.Accuracy}");
    }

    [Fact]
    public void Train_MultiLabelData_TrainsSigmoidModelThatPredictsLabelSets()
    {
        var result = new CompactTrainer(SmallModel).Train(SyntheticFeedback.MultiLabel(400, seed: 3));
        var tokenizer = CompactTokenizer.Create(result.Model.Vocabulary, 512);

        var both = CompactTrainer.Predict(result.Model, result.Model.Logits(tokenizer.Encode("support charged me twice on the invoice and the screen freezes with an error")));
        var bugOnly = CompactTrainer.Predict(result.Model, result.Model.Logits(tokenizer.Encode("the app and the screen freezes with an error today")));

        Assert.Equal(ProblemType.MultiLabel, result.Model.ProblemType);
        Assert.Equal(["billing", "bug"], both);
        Assert.Equal(["bug"], bugOnly);
    }

    [Fact]
    public void Train_WithPatience_StopsAndKeepsTheBestEpoch()
    {
        var options = SmallModel with { Epochs = 30, Patience = 2 };
        var progress = new List<TrainingProgress>();

        var result = new CompactTrainer(options).Train(SyntheticFeedback.Sentiment(300, seed: 4), progress: new Collecting(progress));

        var best = result.History.MaxBy(h => h.ValidationMacroF1)!;
        Assert.Equal(best.Epoch, result.BestEpoch);
        Assert.Equal(best.ValidationMacroF1, result.Validation.MacroF1, 10);
        Assert.True(result.History.Count < 30, "perfectly separable data should stop early");
        Assert.Equal(result.BestEpoch + options.Patience, result.History.Count);
        Assert.Equal(result.History, progress);
    }

    [Fact]
    public void Train_OneLabel_ThrowsNamingTheProblem()
    {
        var data = SyntheticFeedback.Sentiment(50, seed: 5).Select(e => e with { Labels = ["positive"] }).ToList();

        var error = Assert.Throws<ArgumentException>(() => new CompactTrainer(SmallModel).Train(data));

        Assert.Contains("at least two labels", error.Message);
    }

    [Fact]
    public void Validate_NonPositiveDimensions_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => (SmallModel with { Dimensions = 0 }).Validate());

        Assert.Contains("CompactOptions.Dimensions", error.Message);
    }

    private sealed class Collecting(List<TrainingProgress> into) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => into.Add(value);
    }
}

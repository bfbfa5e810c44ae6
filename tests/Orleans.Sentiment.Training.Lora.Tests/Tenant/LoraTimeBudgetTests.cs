using Orleans.Sentiment.Inference.Tokenization;
using Orleans.Sentiment.Modeling.Pretrained;
using Orleans.Sentiment.Training.Compact;

namespace Orleans.Sentiment.Training.Lora.Tests.Tenant;

public sealed class LoraTimeBudgetTests
{
    [Fact]
    public void Train_TimeBudgetSpent_StopsBeforeThePlanAndKeepsTheBestScoring()
    {
        using var work = new TemporaryDirectory();
        var baseFolder = TinyModels.WriteBertFolder(Path.Combine(work.Path, "base"));
        var encoder = PretrainedEncoder.Load(baseFolder);
        var tokenizer = TokenizerLoader.Load(baseFolder);
        string[] labels = ["negative", "positive"];
        var random = new Random(2);
        var examples = Enumerable.Range(0, 64).Select(i => new LabeledExample(
            i % 2 == 0 ? $"good great {(random.Next(2) == 0 ? "love" : "nice")}" : $"bad awful {(random.Next(2) == 0 ? "hate" : "boring")}", [labels[1 - (i % 2)]])).ToList();
        var scorings = new List<TrainingProgress>();
        var options = new LoraOptions { BatchSize = 8, LearningRate = 1e-2, MaxLength = 16, MinSteps = 100_000, MaxSteps = 100_000, Evaluations = 50_000, Patience = 1_000, MaxDuration = TimeSpan.FromSeconds(3) };

        var result = new LoraTrainer(options).Train(encoder, tokenizer, examples[..48], examples[48..], labels, false, new Random(1), new Collect(scorings));

        using var model = result.Model;
        Assert.InRange(result.Steps, 1, result.Plan.TotalSteps - 1);
        Assert.Equal(scorings.Max(s => s.ValidationMacroF1), result.Validation.MacroF1);
        Assert.True(scorings.Count > 1, "scored more than once, so the best could be an earlier one");
        var rescored = LoraTrainer.Score(model, labels, false, LoraTrainer.Tokenize(examples[48..], labels, tokenizer, 16), tokenizer.PadTokenId, 8);
        Assert.Equal(result.Validation.MacroF1, rescored.MacroF1, 9);
    }

    private sealed class Collect(List<TrainingProgress> into) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => into.Add(value);
    }
}

using Orleans.Sentiment.Training.Lora;

namespace Orleans.Sentiment.Training.Lora.Tests;

public sealed class LoraOptionsTests
{
    [Fact]
    public void Validate_ZeroEpochs_NamesTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => new LoraOptions { Epochs = 0 }.Validate());

        Assert.Contains("--epochs", error.Message);
    }

    [Fact]
    public void Validate_MaxStepsBelowMinSteps_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new LoraOptions { MinSteps = 300, MaxSteps = 200 }.Validate());

    [Theory]
    [InlineData(null, null, 500, LoraOptions.SmallDataLearningRate)]
    [InlineData(null, null, LoraOptions.FewShotExamples, LoraOptions.SmallDataLearningRate)]
    [InlineData(null, null, LoraOptions.FewShotExamples - 1, LoraOptions.LargeDataLearningRate)]
    [InlineData(null, null, LoraOptions.LargeDataExamples, LoraOptions.LargeDataLearningRate)]
    [InlineData(null, 3, LoraOptions.LargeDataExamples, LoraOptions.LargeDataLearningRate)]
    [InlineData(5e-4, null, LoraOptions.LargeDataExamples, 5e-4)]
    public void LearningRateFor_DefaultDependsOnTheRun_AnExplicitValueWins(double? rate, int? epochs, int examples, double expected) =>
        Assert.Equal(expected, new LoraOptions { LearningRate = rate, Epochs = epochs }.LearningRateFor(examples));
}

using Orleans.Sentiment.Training.Lora;

namespace Orleans.Sentiment.Training.Lora.Tests;

public sealed class LoraOptionsTests
{
    [Theory]
    [InlineData(null, 500, LoraOptions.SmallDataEpochs)]
    [InlineData(null, LoraOptions.LargeDataExamples - 1, LoraOptions.SmallDataEpochs)]
    [InlineData(null, LoraOptions.LargeDataExamples, 1)]
    [InlineData(null, 65_349, 1)]
    [InlineData(4, 65_349, 4)]
    [InlineData(2, 500, 2)]
    public void EpochsFor_DefaultDependsOnTheTrainingSetSize_AnExplicitValueWins(int? epochs, int examples, int expected) =>
        Assert.Equal(expected, new LoraOptions { Epochs = epochs }.EpochsFor(examples));

    [Fact]
    public void Validate_ZeroEpochs_NamesTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => new LoraOptions { Epochs = 0 }.Validate());

        Assert.Contains("--epochs", error.Message);
    }
}

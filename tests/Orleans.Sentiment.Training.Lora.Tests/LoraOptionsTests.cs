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
}

using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains;

namespace Orleans.Sentiment.Tests.Pipeline;

public sealed class IngestionOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(Validate(new IngestionOptions(), new SentimentOptions(), new SentimentHostOptions()).Succeeded);

    [Fact]
    public void Validate_HorizonOverHalfTheClassificationDeadline_NamesBothSettings()
    {
        var result = Validate(new IngestionOptions { BacklogHorizon = TimeSpan.FromSeconds(10) }, new SentimentOptions { ClassificationDeadline = TimeSpan.FromSeconds(15) }, new SentimentHostOptions());

        Assert.Contains("Ingestion:BacklogHorizon (00:00:10) must be at most half of Sentiment:ClassificationDeadline (00:00:15)", result.FailureMessage);
    }

    [Fact]
    public void Validate_HorizonOverAThirdOfTheShutdownTimeout_NamesBothSettings()
    {
        var result = Validate(new IngestionOptions(), new SentimentOptions(), new SentimentHostOptions { ShutdownTimeout = TimeSpan.FromSeconds(20) });

        Assert.Contains("Ingestion:BacklogHorizon (00:00:10) must be at most a third of Host:ShutdownTimeout (00:00:20)", result.FailureMessage);
    }

    [Fact]
    public void Validate_HorizonTooShort_IsRefused()
    {
        var result = Validate(new IngestionOptions { BacklogHorizon = TimeSpan.Zero }, new SentimentOptions(), new SentimentHostOptions());

        Assert.Contains("Ingestion:BacklogHorizon must be between", result.FailureMessage);
    }

    private static ValidateOptionsResult Validate(IngestionOptions limits, SentimentOptions sentiment, SentimentHostOptions host) =>
        new IngestionOptionsValidator(Options.Create(sentiment), Options.Create(host)).Validate(null, limits);
}

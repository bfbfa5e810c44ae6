using Microsoft.Extensions.Options;

namespace Orleans.Sentiment.Grains;

/// <summary>
/// Checks Ingestion:BacklogHorizon against the settings it must fit: what a silo admits is classified within at most
/// about one and a half horizons (its capacity plus one tenant's share), so the horizon must leave that inside
/// Sentiment:ClassificationDeadline (half of it at most) and inside a stopping silo's drain, two thirds of
/// Host:ShutdownTimeout (a third of the timeout at most).
/// </summary>
public sealed class IngestionOptionsValidator(IOptions<SentimentOptions> sentiment, IOptions<SentimentHostOptions> host) : IValidateOptions<IngestionOptions>
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(100);

    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var horizon = options.BacklogHorizon;
        var deadline = sentiment.Value.ClassificationDeadline;
        var timeout = host.Value.ShutdownTimeout;
        if (horizon < Shortest || horizon > TimeSpan.FromHours(1))
        {
            return ValidateOptionsResult.Fail($"Ingestion:BacklogHorizon must be between {Shortest} and 01:00:00; it is {horizon}.");
        }

        if (horizon > deadline / 2)
        {
            return ValidateOptionsResult.Fail($"Ingestion:BacklogHorizon ({horizon}) must be at most half of Sentiment:ClassificationDeadline ({deadline}), so admitted comments are classified before their deadline.");
        }

        if (horizon > timeout / 3)
        {
            return ValidateOptionsResult.Fail($"Ingestion:BacklogHorizon ({horizon}) must be at most a third of Host:ShutdownTimeout ({timeout}), so a stopping silo can finish what it admitted; lower the horizon or raise the timeout.");
        }

        return ValidateOptionsResult.Success;
    }
}

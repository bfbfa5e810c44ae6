using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.Grains.Telemetry;
using Polly;

namespace Orleans.Sentiment.Grains;

public static class SentimentServiceCollectionExtensions
{
    /// <summary>Registers what the grains need besides the models: options (validated at start), metrics, Slack delivery, clock.</summary>
    public static IServiceCollection AddSentimentPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SentimentOptions>().Bind(configuration.GetSection(SentimentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<SentimentMetrics>();
        services.AddHostedService<SentimentMetricsStartup>();
        services.TryAddSingleton(new PipelineClock(TimeProvider.System));

        var slack = configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() ?? new SlackOptions();
        services.AddHttpClient<SlackWebhookClient>(SlackWebhookClient.HttpClientName)
            .AddResilienceHandler("slack-retry", pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, slack.MaxRetries),
                    Delay = slack.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(slack.MaxRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                })
                .AddTimeout(slack.RequestTimeout));
        return services;
    }
}

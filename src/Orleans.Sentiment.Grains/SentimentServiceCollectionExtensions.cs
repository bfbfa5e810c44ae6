using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
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
        services.TryAddSingleton(new PipelineClock(TimeProvider.System));

        var slack = configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() ?? new SlackOptions();
        services.AddOptions<WebhookUrlPolicyOptions>().Bind(configuration.GetSection(SlackOptions.Section))
            .Configure(o => o.AllowedHosts = configuration[$"{SlackOptions.Section}:{nameof(WebhookUrlPolicyOptions.AllowedHosts)}"] is { } list ? [list] : o.AllowedHosts)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookUrlPolicy>();
        services.AddSingleton<IValidateOptions<SlackOptions>, WebhookUrlPolicyValidator>();
        services.AddTransient<WebhookUrlPolicyHandler>();

        // Webhook URLs come from API callers: check each against the allow-list, re-check the address after DNS
        // resolution, and never follow a redirect (it could point anywhere, and would carry the POST body along).
        services.AddHttpClient<SlackWebhookClient>(SlackWebhookClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectCallback = WebhookAddressFilter.ConnectCallback(sp.GetRequiredService<WebhookUrlPolicy>().AllowPrivateNetworks),
            })
            .RemoveAllLoggers() // The default request logs would carry the webhook URL, whose path is its secret.
            .AddHttpMessageHandler<WebhookUrlPolicyHandler>()
            .AddResilienceHandler("slack-retry", pipeline => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, slack.MaxRetries),
                    Delay = slack.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(slack.MaxRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)
                        && args.Outcome.Exception?.InnerException is not WebhookAddressRefusedException),
                })
                .AddTimeout(slack.RequestTimeout));
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Polly;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Grains;

public static class SentimentServiceCollectionExtensions
{
    /// <summary>The graceful drain at shutdown: it runs before the web server and the silo stop.</summary>
    public static IServiceCollection AddPipelineDrain(this IServiceCollection services) => services.AddHostedService<PipelineDrainService>();

    /// <summary>Registers what the grains need besides the models: options (validated at start), metrics, Slack delivery, clock.</summary>
    public static IServiceCollection AddSentimentPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SentimentOptions>().Bind(configuration.GetSection(SentimentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddOptions<IngestionLimitsOptions>().Bind(configuration.GetSection(IngestionLimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestionLimitsOptions>, IngestionLimitsValidator>();
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SentimentMetrics>();
        services.AddSingleton<SiloInFlight>();
        services.AddSingleton<SourceSeries>();
        services.AddSingleton<PipelineGauges>();
        services.AddSingleton<IOutgoingGrainCallFilter, TraceContextCallFilter>();
        services.AddHostedService<GaugeRegistration>();
        services.TryAddSingleton(new PipelineClock(TimeProvider.System));
        services.AddOptions<GrainCollectionOptions>().Configure<IOptions<SentimentOptions>>((collection, sentiment) =>
            collection.ClassSpecificCollectionAge[typeof(FeedbackSourceGrain).FullName!] = sentiment.Value.IdleDeactivation);

        services.AddOptions<ShutdownOptions>().Bind(configuration.GetSection(ShutdownOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.ShutdownTimeout);

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
            // Retries live in the alert grain's persisted outbox (attempts, Retry-After cap, deadline); this only bounds one request.
            .AddResilienceHandler("slack-timeout", pipeline => pipeline.AddTimeout(slack.RequestTimeout));
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.Grains.Languages;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Grains.Themes;
using Orleans.Sentiment.Grains.TenantModels;
using Orleans.Sentiment.Grains.Training;
using Orleans.Sentiment.Inference.Adapters;
using Polly;

namespace Orleans.Sentiment.Grains;

public static class SentimentServiceCollectionExtensions
{
    /// <summary>The graceful drain at shutdown: it runs before the web server and the silo stop.</summary>
    public static IServiceCollection AddPipelineDrain(this IServiceCollection services) => services.AddHostedService<PipelineDrainService>();

    /// <summary>
    /// Registers what the grains need besides the models: the pipeline's settings (Sentiment, Ingestion, Slack, Metrics,
    /// Host, Training, Languages; bound from the host's configuration, validated at start), metrics, Slack delivery, clock.
    /// </summary>
    public static IServiceCollection AddSentimentPipeline(this IServiceCollection services)
    {
        services.AddOptions<SentimentOptions>().BindConfiguration(SentimentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestionOptions>, IngestionOptionsValidator>();
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ThemesOptions>().BindConfiguration(ThemesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LanguageGate>();
        services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SentimentHostOptions>().BindConfiguration(SentimentHostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<SentimentHostOptions>>((host, sentimentHost) => host.ShutdownTimeout = sentimentHost.Value.ShutdownTimeout);

        services.AddMetrics();
        services.AddSingleton<SentimentMetrics>();
        services.AddSingleton<SiloInFlight>();
        services.AddSingleton<SourceSeries>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ActiveModelsCache>();
        services.AddSingleton<IAdapterModelSource, GrainAdapterModelSource>();
        services.AddSingleton<PipelineGauges>();
        services.AddSingleton<IOutgoingGrainCallFilter, TraceContextCallFilter>();
        services.AddHostedService<GaugeRegistration>();
        services.TryAddSingleton(new PipelineClock(TimeProvider.System));
        services.AddOptions<GrainCollectionOptions>().Configure<IOptions<SentimentOptions>>((collection, sentiment) =>
            collection.ClassSpecificCollectionAge[typeof(FeedbackSourceGrain).FullName!] = sentiment.Value.IdleDeactivation);

        services.AddSingleton(sp => new WebhookUrlPolicy(sp.GetRequiredService<IOptions<SlackOptions>>().Value));
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
            .AddResilienceHandler("slack-timeout", (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.RequestTimeout));
        return services;
    }
}

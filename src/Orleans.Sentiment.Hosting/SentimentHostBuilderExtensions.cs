using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Hosting.Health;
using Orleans.Sentiment.Hosting.Options;
using Orleans.Sentiment.Hosting.Telemetry;

namespace Orleans.Sentiment.Hosting;

/// <summary>What the HTTP process needs besides its endpoints: the silo or the cluster client, health checks, metrics, traces.</summary>
public static class SentimentHostBuilderExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// <c>Host:Role=silo</c> (default): a silo wired by <see cref="SentimentSiloBuilderExtensions.AddSentiment"/>.
    /// <c>Host:Role=frontend</c>: an Orleans client only (no models, no grains). Readiness (tag "ready") covers
    /// start-up, the models (silo), Redis and the NATS stream (production).
    /// </summary>
    public static SentimentSettings AddSentimentHost(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var settings = SentimentSettings.ReadOnce(services, builder.Configuration);
        services.AddSentimentPipeline();

        var health = services.AddHealthChecks().AddCheck<HostStartedCheck>("started", tags: [ReadyTag]);
        services.TryAddSingleton<ReadinessLog>();
        // Every unhealthy probe would be an error line there, "models are loading" included; ReadinessLog logs changes instead.
        builder.Logging.AddFilter(ReadinessLog.FrameworkCategory, LogLevel.None);
        if (settings.Host.IsFrontend)
        {
            builder.UseOrleansClient(client => client.AddSentimentClient());
        }
        else
        {
            builder.UseOrleans(silo => silo.UseSentimentClustering().AddSentiment());
            health.AddCheck<ModelsLoadedCheck>("models", tags: [ReadyTag]);
        }

        if (settings.IsProduction)
        {
            health.AddCheck<RedisCheck>("redis", tags: [ReadyTag]);
            services.AddSingleton<NatsStreamCheck>();
            health.AddCheck<NatsStreamCheck>("nats-stream", tags: [ReadyTag]);
        }

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(Constants.MeterName, "Microsoft.Orleans")
            .AddPrometheusExporter());
        services.AddSentimentTracing(builder.Configuration);
        return settings;
    }
}

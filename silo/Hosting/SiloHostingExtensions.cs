using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Data.Corrections;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Silo.Models;

namespace Orleans.Sentiment.Silo.Hosting;

internal static class SiloHostingExtensions
{
    /// <summary>The embedded default: one silo on loopback with in-memory storage and streams.</summary>
    public static WebApplicationBuilder AddEmbeddedSilo(this WebApplicationBuilder builder)
    {
        var hosting = builder.Configuration.GetSection(OrleansHostingOptions.Section).Get<OrleansHostingOptions>() ?? new OrleansHostingOptions();
        builder.Services.AddOptions<OrleansHostingOptions>().Bind(builder.Configuration.GetSection(OrleansHostingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort);
            silo.AddMemoryGrainStorage(Constants.StorageName);
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddMemoryStreams(Constants.StreamProviderName);
        });
        return builder;
    }

    /// <summary>Options, models, inference service and pipeline services.</summary>
    public static WebApplicationBuilder AddSentiment(this WebApplicationBuilder builder, ILogger startupLogger)
    {
        var services = builder.Services;
        services.AddSentimentPipeline(builder.Configuration);
        services.AddPipelineDrain();
        services.AddSingleton<Endpoints.CommentPublisher>();
        services.AddOptions<IngestionOptions>().Bind(builder.Configuration.GetSection(IngestionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CorrectionsOptions>().Bind(builder.Configuration.GetSection(CorrectionsOptions.Section));
        services.AddSingleton(sp =>
        {
            var corrections = sp.GetRequiredService<IOptions<CorrectionsOptions>>().Value;
            return new CorrectionStore(corrections.ResolvedDirectory, maxPerTenant: corrections.MaxPerTenant);
        });
        services.AddOptions<InferenceOptions>().Bind(builder.Configuration.GetSection(InferenceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var inference = builder.Configuration.GetSection(InferenceOptions.Section).Get<InferenceOptions>() ?? new InferenceOptions();
        inference.Validate();
        var models = ModelCatalogLoader.Load(builder.Configuration, inference, startupLogger);
        var windowModel = builder.Configuration[$"{SentimentOptions.Section}:{nameof(SentimentOptions.WindowModel)}"];
        if (!string.IsNullOrEmpty(windowModel) && models.Classifiers.All(c => c.Name != windowModel))
        {
            throw new InvalidOperationException($"Sentiment:WindowModel '{windowModel}' is not one of the loaded models ({string.Join(", ", models.Classifiers.Select(c => c.Name))}).");
        }

        services.PostConfigure<SentimentOptions>(o => o.WindowModel = string.IsNullOrEmpty(o.WindowModel) ? models.Classifiers[0].Name : o.WindowModel);
        services.AddSingleton(sp => new InferenceHost(models, sp.GetRequiredService<SentimentMetrics>(), inference.ToBatching()));

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(Constants.MeterName, "Microsoft.Orleans")
            .AddPrometheusExporter());
        services.AddHealthChecks().AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
        return builder;
    }
}

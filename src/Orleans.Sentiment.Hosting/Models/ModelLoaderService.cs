using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Grains.Hosting;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Hosting.Options;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Hosting.Models;

/// <summary>
/// Loads the models (built-in training, hub pulls, ONNX sessions) after the host has started, off the start-up
/// path, and publishes the silo's <see cref="InferenceHost"/> through <see cref="InferenceHostSource"/>.
/// Silos with role <c>ingest</c> load on the first classifier call instead. A failed load on a silo that loads
/// at start stops the process (exit code 1) with the reason, which names the setting.
/// </summary>
internal sealed partial class ModelLoaderService(
    [FromKeyedServices(ModelLoaderService.ConfigurationKey)] IConfiguration configuration,
    IOptions<InferenceOptions> inference,
    IOptions<SiloRoleOptions> role,
    InferenceHostSource source,
    SentimentMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<ModelLoaderService> logger) : BackgroundService
{
    /// <summary>Key of the configuration the silo was wired with (AddSentiment's argument), which names the models.</summary>
    public const string ConfigurationKey = "Orleans.Sentiment";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!role.Value.LoadsModelsAtStart)
        {
            LogOnDemand(logger);
            source.LoadOnDemand(() => _ = Task.Run(() => Load(stopOnFailure: false), CancellationToken.None));
            return Task.CompletedTask;
        }

        return Task.Run(() => Load(stopOnFailure: true), stoppingToken);
    }

    private void Load(bool stopOnFailure)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var models = ModelCatalogLoader.Load(configuration.GetSection("Models").Get<List<ModelOptions>>() ?? [], inference.Value, logger);
            CheckWindowModel(models);
            source.SetLoaded(new InferenceHost(models, metrics, inference.Value));
            LogLoaded(logger, models.Classifiers.Count, watch.Elapsed.TotalSeconds);
        }
        catch (Exception e)
        {
            source.SetFailed(e);
            LogFailed(logger, e, e.Message);
            if (stopOnFailure)
            {
                Environment.ExitCode = 1;
                lifetime.StopApplication();
            }
        }
    }

    private void CheckWindowModel(ClassifierSet models)
    {
        var windowModel = configuration[$"{SentimentOptions.Section}:{nameof(SentimentOptions.WindowModel)}"];
        if (!string.IsNullOrEmpty(windowModel) && models.Classifiers.All(c => c.Name != windowModel))
        {
            models.Dispose();
            throw new InvalidOperationException($"Sentiment:WindowModel '{windowModel}' is not one of the loaded models ({string.Join(", ", models.Classifiers.Select(c => c.Name))}).");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Models loaded: {Count} model(s) in {Seconds:0.0} s; classifier grains on this silo are ready")]
    private static partial void LogLoaded(ILogger logger, int count, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Loading the models failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans:Metadata:role is 'ingest': models load only if a classifier grain is placed here (no classifier silo active)")]
    private static partial void LogOnDemand(ILogger logger);
}

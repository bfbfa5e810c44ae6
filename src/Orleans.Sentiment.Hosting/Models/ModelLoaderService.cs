using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Grains.Placement;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Hosting.Models;

/// <summary>
/// Loads the models (built-in builds, hub pulls, ONNX sessions) after the host has started, off the start-up path, and
/// hands them to the silo's <see cref="SiloInference"/>. Silos with role <c>ingest</c> load on the first classifier call
/// instead. A failed load on a silo that loads at start stops the process (exit code 1) with the reason, which names
/// the setting.
/// </summary>
internal sealed partial class ModelLoaderService(
    IOptions<ServedModelsOptions> served,
    IOptions<InferenceOptions> inference,
    IOptions<SentimentOptions> sentiment,
    IOptions<SiloRoleOptions> role,
    SiloInference service,
    IHostApplicationLifetime lifetime,
    ILogger<ModelLoaderService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (service.IsLoaded)
        {
            return Task.CompletedTask;
        }

        if (!role.Value.LoadsModelsAtStart)
        {
            LogOnDemand(logger);
            service.LoadOnDemand(() => _ = Task.Run(() => Load(stopOnFailure: false), CancellationToken.None));
            return Task.CompletedTask;
        }

        return Task.Run(() => Load(stopOnFailure: true), stoppingToken);
    }

    private void Load(bool stopOnFailure)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var models = ModelCatalogLoader.Load(served.Value, inference.Value, logger);
            CheckWindowModel(models);
            service.SetLoaded(models, inference.Value);
            LogLoaded(logger, models.Classifiers.Count, watch.Elapsed.TotalSeconds);
        }
        catch (Exception e)
        {
            service.SetFailed(e);
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
        var windowModel = sentiment.Value.WindowModel;
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

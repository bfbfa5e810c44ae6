using Microsoft.Extensions.Logging;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.BuiltIn;
using Orleans.Sentiment.Modeling.Catalog;

namespace Orleans.Sentiment.Hosting.Models;

/// <summary>Loads the configured models (<c>Models:N</c>), or the built-in ones when none is configured.</summary>
public static partial class ModelCatalogLoader
{
    public static ClassifierSet Load(IReadOnlyList<ModelOptions> configured, InferenceOptions inference, ILogger logger)
    {
        var locator = new ModelLocator(inference.CacheDirectory);
        var models = configured.Count == 0 ? BuiltIn(locator, logger) : configured.Select(Served).ToList();
        foreach (var hub in models.Where(m => m.Reference.Kind == ModelReferenceKind.Hub))
        {
            LogPulling(logger, hub.Reference.Value, hub.Revision ?? "main");
        }

        return ModelCatalog.LoadAsync(models, locator, inference.ToSession, (model, classifier) =>
        {
            LogLoaded(logger, model.Name, string.Join(", ", classifier.Labels), classifier.Device.ToString(), classifier.IntraOpThreads);
            if (classifier.FallbackReason is { } reason)
            {
                LogCudaFallback(logger, model.Name, reason);
            }
        }).GetAwaiter().GetResult();
    }

    private static ServedModel Served(ModelOptions model, int index)
    {
        var what = $"Models:{index}:Path";
        var reference = ModelReference.Parse(model.Path, what);
        return new ServedModel(string.IsNullOrWhiteSpace(model.Name) ? reference.DefaultName : model.Name, reference, what, model.Revision, model.Variant);
    }

    private static List<ServedModel> BuiltIn(ModelLocator locator, ILogger logger)
    {
        LogBuiltIn(logger);
        LogBuiltInFolder(logger, Path.GetDirectoryName(BuiltInModels.EnsureBuilt(locator.CacheDirectory).Sentiment)!);
        return [.. BuiltInModels.ModelNames.Select(name => new ServedModel(name, new ModelReference(ModelReferenceKind.BuiltIn, name), "the built-in models"))];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {HubId} ({Revision}) is a hub id: using the Hugging Face cache, pulling what it lacks")]
    private static partial void LogPulling(ILogger logger, string hubId, string revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {Model} with labels {Labels} on {Device} ({Threads} intra-op threads)")]
    private static partial void LogLoaded(ILogger logger, string model, string labels, string device, int threads);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model} runs on the CPU (Inference:CudaFallbackToCpu): {Reason}")]
    private static partial void LogCudaFallback(ILogger logger, string model, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "No model configured: using the built-in models 'sentiment' and 'category' (MiniLM fine-tuned with LoRA on the project's own feedback corpus). For a pretrained model set Models:0:Path to a model folder or a hub id such as org/name.")]
    private static partial void LogBuiltIn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Built-in models folder: {Folder} (built at the first start, reused by later ones; Inference:CacheDirectory chooses where)")]
    private static partial void LogBuiltInFolder(ILogger logger, string folder);
}

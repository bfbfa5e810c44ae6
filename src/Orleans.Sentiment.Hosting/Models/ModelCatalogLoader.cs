using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Orleans.Sentiment.Grains.Classification;
using Orleans.Sentiment.Hub;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Training.BuiltIn;

namespace Orleans.Sentiment.Hosting.Models;

/// <summary>Loads the configured models, or the built-in ones when none is configured.</summary>
public static partial class ModelCatalogLoader
{
    public static ClassifierSet Load(IConfiguration configuration, InferenceOptions inference, ILogger logger)
    {
        var configured = configuration.GetSection("Models").Get<List<ModelOptions>>() ?? [];
        if (configured.Count == 0)
        {
            var cache = string.IsNullOrEmpty(inference.CacheDirectory) ? BuiltInModels.DefaultCacheDirectory : inference.CacheDirectory;
            var builtIn = BuiltInModels.EnsureBuilt(cache);
            configured =
            [
                new ModelOptions { Name = BuiltInModels.SentimentModelName, Path = builtIn.Sentiment },
                new ModelOptions { Name = BuiltInModels.CategoryModelName, Path = builtIn.Category },
            ];
            LogBuiltIn(logger);
            LogBuiltInFolder(logger, Path.GetDirectoryName(builtIn.Sentiment)!);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var classifiers = new List<ITextClassifier>();
        try
        {
            foreach (var (model, index) in configured.Select((m, i) => (m, i)))
            {
                if (string.IsNullOrWhiteSpace(model.Path))
                {
                    throw new ModelFolderException($"Models:{index}:Path must name a model folder or a hub id (org/name).");
                }

                var name = string.IsNullOrWhiteSpace(model.Name) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(model.Path)) : model.Name;
                var folder = ResolveFolder(model, index, logger);
                if (!names.Add(name))
                {
                    throw new ModelFolderException($"Models: two models are named '{name}'; give each a distinct Name.");
                }

                var classifier = OnnxTextClassifier.Load(name, folder, inference.ToClassifier(model.Variant));
                classifiers.Add(classifier);
                LogLoaded(logger, name, string.Join(", ", classifier.Labels), classifier.Device.ToString(), classifier.IntraOpThreads);
                if (classifier.FallbackReason is { } reason)
                {
                    LogCudaFallback(logger, name, reason);
                }
            }

            return new ClassifierSet(classifiers);
        }
        catch
        {
            classifiers.ForEach(c => c.Dispose());
            throw;
        }
    }

    private static string ResolveFolder(ModelOptions model, int index, ILogger logger)
    {
        if (!HubModelResolver.IsHubId(model.Path))
        {
            return Directory.Exists(model.Path)
                ? model.Path
                : throw new ModelFolderException(
                    $"Models:{index}:Path '{model.Path}' is not an existing folder. It reads as a path (not a hub id org/name), so nothing is downloaded; check the path.");
        }

        LogPulling(logger, model.Path, model.Revision ?? "main");
        string[] variants = string.IsNullOrEmpty(model.Variant) ? [] : [model.Variant];
        return HubModelResolver.FromEnvironment().ResolveAsync(model.Path, model.Revision, variants).GetAwaiter().GetResult();
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

using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Silo.Models;

/// <summary>Loads the configured models, or the built-in ones when none is configured.</summary>
internal static partial class ModelCatalogLoader
{
    public static ClassifierSet Load(IConfiguration configuration, InferenceOptions inference, ILogger logger)
    {
        var configured = configuration.GetSection("Models").Get<List<ModelOptions>>() ?? [];
        if (configured.Count == 0)
        {
            var cache = string.IsNullOrEmpty(inference.CacheDirectory) ? DefaultCacheDirectory() : inference.CacheDirectory;
            configured = BuiltInModels.Prepare(cache);
            LogBuiltIn(logger, string.Join(", ", configured.Select(m => m.Name)));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var classifiers = new List<ITextClassifier>();
        try
        {
            foreach (var model in configured)
            {
                var name = string.IsNullOrWhiteSpace(model.Name) ? Path.GetFileName(Path.TrimEndingDirectorySeparator(model.Path)) : model.Name;
                if (!names.Add(name))
                {
                    throw new ModelFolderException($"Models: two models are named '{name}'; give each a distinct Name.");
                }

                var options = new OnnxClassifierOptions { IntraOpThreads = inference.IntraOpThreads, MaxBatchSize = inference.MaxBatchTexts, Variant = model.Variant };
                var classifier = OnnxTextClassifier.Load(name, model.Path, options);
                classifiers.Add(classifier);
                LogLoaded(logger, name, string.Join(", ", classifier.Labels));
            }

            return new ClassifierSet(classifiers);
        }
        catch
        {
            classifiers.ForEach(c => c.Dispose());
            throw;
        }
    }

    private static string DefaultCacheDirectory() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "orleans-sentiment", "models");

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {Model} with labels {Labels}")]
    private static partial void LogLoaded(ILogger logger, string model, string labels);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No model configured: using the built-in models ({Models}). To use a pretrained model instead, set Models:0:Path to a Hugging Face model folder (config.json, tokenizer files, onnx/model.onnx).")]
    private static partial void LogBuiltIn(ILogger logger, string models);
}

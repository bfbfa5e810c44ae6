using Orleans.Sentiment.Hub;
using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Modeling.Catalog;

/// <summary>Locates and loads the models a process serves, for the silo and the CLI alike.</summary>
public static class ModelCatalog
{
    /// <summary>
    /// Loads every model, each with the session options <paramref name="options"/> gives for its variant; throws
    /// <see cref="ModelFolderException"/> naming the model at fault (nothing stays loaded then).
    /// </summary>
    /// <param name="models">The models, in order: the first is the one whose tokens the batching service groups by.</param>
    /// <param name="locator">Where built-in and hub models come from.</param>
    /// <param name="options">Session options for a model's variant.</param>
    /// <param name="loaded">Told about each model once loaded (a log line, say).</param>
    /// <param name="pull">Progress of hub pulls.</param>
    /// <param name="steps">One line per step of a built-in model's first build.</param>
    /// <param name="cancellationToken">Stops pulls and builds.</param>
    public static async Task<ClassifierSet> LoadAsync(
        IReadOnlyList<ServedModel> models, ModelLocator locator, Func<string?, OnnxClassifierOptions> options,
        Action<ServedModel, OnnxTextClassifier>? loaded = null, IHubPullProgress? pull = null, IProgress<string>? steps = null,
        CancellationToken cancellationToken = default)
    {
        if (models.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ModelFolderException(
                $"Two models are named '{twice.Key}' ({string.Join(", ", twice.Select(m => m.What))}); predictions are keyed by name, so give each its own.");
        }

        var classifiers = new List<ITextClassifier>(models.Count);
        try
        {
            foreach (var model in models)
            {
                var folder = await locator.LocateClassifierAsync(model.Reference, model.What, model.Revision, model.Variant, pull, steps, cancellationToken).ConfigureAwait(false);
                var classifier = OnnxTextClassifier.Load(model.Name, folder, options(model.Variant));
                classifiers.Add(classifier);
                loaded?.Invoke(model, classifier);
            }

            return new ClassifierSet(classifiers);
        }
        catch
        {
            classifiers.ForEach(c => c.Dispose());
            throw;
        }
    }
}

using Orleans.Sentiment.Client.Hub;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Modeling.Catalog;

namespace Orleans.Sentiment.Client.Offline;

/// <summary>Loads the CLI's <c>--model</c>s through the silo's model catalog: folders, hub ids and built-in models alike.</summary>
internal static class ClassifierLoader
{
    /// <summary>Loads every model, named as the silo would name it, or throws <see cref="ModelFolderException"/> naming the one at fault.</summary>
    public static async Task<ClassifierSet> LoadAllAsync(IReadOnlyList<string> references, OnnxClassifierOptions options, CancellationToken cancellationToken)
    {
        var models = references.Select(r => ModelReference.Parse(r, "--model")).Select(r => new ServedModel(r.DefaultName, r, $"--model {r}", Variant: options.Variant)).ToList();
        var locator = new ModelLocator();
        var hub = models.Where(m => m.Reference.Kind == ModelReferenceKind.Hub).Select(m => m.Reference.Value).ToList();
        return hub.Count == 0
            ? await ModelCatalog.LoadAsync(models, locator, _ => options, steps: InlineSteps.Instance, cancellationToken: cancellationToken)
            : await PullProgressDisplay.RunAsync(string.Join(", ", hub), pull => ModelCatalog.LoadAsync(models, locator, _ => options, pull: pull, steps: InlineSteps.Instance, cancellationToken: cancellationToken));
    }

    /// <summary>The folder of one classifier (<c>evaluate --model</c>).</summary>
    public static async Task<string> LocateAsync(string reference, CancellationToken cancellationToken)
    {
        var parsed = ModelReference.Parse(reference, "--model");
        var locator = new ModelLocator();
        return parsed.Kind == ModelReferenceKind.Hub
            ? await PullProgressDisplay.RunAsync(parsed.Value, pull => locator.LocateClassifierAsync(parsed, "--model", pull: pull, steps: InlineSteps.Instance, cancellationToken: cancellationToken))
            : await locator.LocateClassifierAsync(parsed, "--model", steps: InlineSteps.Instance, cancellationToken: cancellationToken);
    }

    /// <summary>A first build's steps, as plain lines on stderr.</summary>
    private sealed class InlineSteps : IProgress<string>
    {
        public static readonly InlineSteps Instance = new();

        public void Report(string value) => Console.Error.WriteLine(value);
    }
}

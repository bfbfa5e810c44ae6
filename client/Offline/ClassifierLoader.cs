using Orleans.Sentiment.Inference;

namespace Orleans.Sentiment.Client.Offline;

/// <summary>Loads model folders for offline use; each model is named after its folder.</summary>
internal static class ClassifierLoader
{
    public static string NameOf(string directory) =>
        Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));

    /// <summary>Loads every folder, or throws <see cref="ModelFolderException"/> naming the folder at fault.</summary>
    public static ClassifierSet LoadAll(IReadOnlyList<string> directories, OnnxClassifierOptions options)
    {
        var duplicate = directories.GroupBy(NameOf, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ModelFolderException($"Two --model folders are both named '{duplicate.Key}'; predictions are keyed by folder name, so rename one.");
        }

        var loaded = new List<ITextClassifier>(directories.Count);
        try
        {
            foreach (var directory in directories)
            {
                loaded.Add(OnnxTextClassifier.Load(NameOf(directory), directory, options));
            }

            return new ClassifierSet(loaded);
        }
        catch
        {
            loaded.ForEach(classifier => classifier.Dispose());
            throw;
        }
    }
}

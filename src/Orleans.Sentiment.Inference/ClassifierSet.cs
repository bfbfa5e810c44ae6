namespace Orleans.Sentiment.Inference;

/// <summary>The models a process serves, run together so each text gets every model's prediction.</summary>
public sealed class ClassifierSet(IReadOnlyList<ITextClassifier> classifiers) : IDisposable
{
    public IReadOnlyList<ITextClassifier> Classifiers { get; } = classifiers.Count > 0
        ? classifiers
        : throw new ArgumentException("At least one model is needed.", nameof(classifiers));

    /// <summary>For each text, a map from model name to that model's prediction.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, Prediction>> Classify(IReadOnlyList<string> texts)
    {
        var results = new Dictionary<string, Prediction>[texts.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new Dictionary<string, Prediction>(Classifiers.Count, StringComparer.Ordinal);
        }

        foreach (var classifier in Classifiers)
        {
            var predictions = classifier.Classify(texts);
            for (var i = 0; i < results.Length; i++)
            {
                results[i][classifier.Name] = predictions[i];
            }
        }

        return results;
    }

    public void Dispose()
    {
        foreach (var classifier in Classifiers)
        {
            classifier.Dispose();
        }
    }
}

namespace Orleans.Sentiment.Inference;

/// <summary>
/// The models a process serves, run together so each text gets every model's prediction. A text is encoded once per
/// distinct tokenizer (models that share one, like the built-ins, share the encoding).
/// </summary>
public sealed class ClassifierSet : IDisposable
{
    private readonly int[] _tokenizerOf;
    private readonly ITextClassifier[] _encoders;

    public ClassifierSet(IReadOnlyList<ITextClassifier> classifiers)
    {
        Classifiers = classifiers.Count > 0 ? classifiers : throw new ArgumentException("At least one model is needed.", nameof(classifiers));
        var keys = new List<string>();
        var encoders = new List<ITextClassifier>();
        _tokenizerOf = new int[classifiers.Count];
        for (var i = 0; i < classifiers.Count; i++)
        {
            var index = keys.IndexOf(classifiers[i].TokenizerKey);
            if (index < 0)
            {
                index = keys.Count;
                keys.Add(classifiers[i].TokenizerKey);
                encoders.Add(classifiers[i]);
            }

            _tokenizerOf[i] = index;
        }

        _encoders = [.. encoders];
    }

    public IReadOnlyList<ITextClassifier> Classifiers { get; }

    /// <summary>Distinct tokenizers among the models: how many times each text is encoded.</summary>
    public int Tokenizers => _encoders.Length;

    public EncodedText Encode(string text) => new(text, [.. _encoders.Select(e => e.Encode(text))]);

    /// <summary>One call of every model over the batch: for each text, a map from model name to that model's prediction.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, Prediction>> Run(IReadOnlyList<EncodedText> batch)
    {
        var results = new Dictionary<string, Prediction>[batch.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new Dictionary<string, Prediction>(Classifiers.Count, StringComparer.Ordinal);
        }

        for (var m = 0; m < Classifiers.Count; m++)
        {
            var tokenizer = _tokenizerOf[m];
            var predictions = Classifiers[m].Run([.. batch.Select(t => t.Encodings[tokenizer])]);
            for (var i = 0; i < results.Length; i++)
            {
                results[i][Classifiers[m].Name] = predictions[i];
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

using Orleans.Sentiment.Inference.Adapters;

namespace Orleans.Sentiment.Inference;

/// <summary>
/// The models a process serves, run together so each text gets every model's prediction, or the models its
/// <see cref="ModelSelection"/> names: some configured models and tenant models, whose rows (one per text and tenant
/// model) go through one call of their base model's shared encoder whatever the mix of tenants. A text is encoded once
/// per distinct tokenizer (models that share one, like the built-ins, share the encoding).
/// </summary>
public sealed class ClassifierSet : IDisposable
{
    private readonly int[] _tokenizerOf;
    private readonly ITextClassifier[] _encoders;
    private readonly List<string> _keys = [];

    public ClassifierSet(IReadOnlyList<ITextClassifier> classifiers)
    {
        Classifiers = classifiers.Count > 0 ? classifiers : throw new ArgumentException("At least one model is needed.", nameof(classifiers));
        var keys = _keys;
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

    /// <summary>Position of the configured model named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Classifiers.Count; i++)
        {
            if (string.Equals(Classifiers[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Distinct tokenizers among the models: how many times each text is encoded.</summary>
    public int Tokenizers => _encoders.Length;

    /// <summary>The text's ids for every model <paramref name="selection"/> runs (every configured model when null).</summary>
    public EncodedText Encode(string text, ModelSelection? selection = null)
    {
        if (selection is null)
        {
            return new(text, [.. _encoders.Select(e => e.Encode(text))]);
        }

        int[][] encodings = selection.Configured.Count > 0 ? [.. _encoders.Select(e => e.Encode(text))] : [];
        var byKey = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var i = 0; i < encodings.Length; i++)
        {
            byKey[_keys[i]] = encodings[i];
        }

        var tenant = new int[selection.TenantModels.Count][];
        for (var i = 0; i < tenant.Length; i++)
        {
            var encoder = selection.TenantModels[i].Encoder;
            if (!byKey.TryGetValue(encoder.TokenizerKey, out tenant[i]!))
            {
                tenant[i] = byKey[encoder.TokenizerKey] = encoder.Encode(text);
            }
        }

        return new EncodedText(text, encodings, selection, tenant);
    }

    /// <summary>
    /// One call of every model over the batch (of each selected configured model over the texts that select it, and one
    /// call per shared encoder over every tenant model row): for each text, a map from model name to that model's prediction.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, Prediction>> Run(IReadOnlyList<EncodedText> batch)
    {
        var results = new Dictionary<string, Prediction>[batch.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new Dictionary<string, Prediction>(Classifiers.Count, StringComparer.Ordinal);
        }

        for (var m = 0; m < Classifiers.Count; m++)
        {
            var texts = Enumerable.Range(0, batch.Count).Where(i => batch[i].Selection is not { } selection || selection.Configured.Contains(m)).ToList();
            if (texts.Count == 0)
            {
                continue;
            }

            var tokenizer = _tokenizerOf[m];
            var predictions = Classifiers[m].Run([.. texts.Select(i => batch[i].Encodings[tokenizer])]);
            for (var t = 0; t < texts.Count; t++)
            {
                results[texts[t]][Classifiers[m].Name] = predictions[t];
            }
        }

        RunTenantModels(batch, results);
        return results;
    }

    /// <summary>Each shared encoder runs once over its rows, whichever tenants' adapters they carry.</summary>
    private static void RunTenantModels(IReadOnlyList<EncodedText> batch, Dictionary<string, Prediction>[] results)
    {
        var rows = new Dictionary<AdapterEncoderSession, List<(int Text, string Model, int[] Ids, TenantAdapter Adapter)>>();
        for (var i = 0; i < batch.Count; i++)
        {
            var models = batch[i].Selection?.TenantModels ?? [];
            for (var j = 0; j < models.Count; j++)
            {
                if (!rows.TryGetValue(models[j].Encoder, out var list))
                {
                    rows[models[j].Encoder] = list = [];
                }

                list.Add((i, models[j].Name, batch[i].TenantEncodings[j], models[j].Adapter));
            }
        }

        foreach (var (encoder, list) in rows)
        {
            var predictions = encoder.Run([.. list.Select(r => (r.Ids, r.Adapter))]);
            for (var r = 0; r < list.Count; r++)
            {
                results[list[r].Text][list[r].Model] = predictions[r];
            }
        }
    }

    public void Dispose()
    {
        foreach (var classifier in Classifiers)
        {
            classifier.Dispose();
        }
    }
}

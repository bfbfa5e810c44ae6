namespace Orleans.Sentiment.Inference;

/// <summary>A text classification model. Implementations are safe to call from several threads.</summary>
public interface ITextClassifier : IDisposable
{
    /// <summary>Name used as the key of this model's predictions.</summary>
    string Name { get; }

    /// <summary>Labels in id order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>Tokens the model is fed for <paramref name="text"/>, special tokens included (what a batch pads to).</summary>
    int CountTokens(string text);

    /// <summary>Classifies texts; the result has one prediction per text, in input order.</summary>
    IReadOnlyList<Prediction> Classify(IReadOnlyList<string> texts);
}

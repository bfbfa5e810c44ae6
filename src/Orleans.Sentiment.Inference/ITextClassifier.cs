using Orleans.Sentiment.Inference.Languages;

namespace Orleans.Sentiment.Inference;

/// <summary>
/// A text classification model: it encodes a text into the token ids it is fed, and runs one model call over texts
/// already encoded. Batching is the caller's (the batching service, or <see cref="LengthBatches"/> offline). Implementations are safe to call from
/// several threads.
/// </summary>
public interface ITextClassifier : IDisposable
{
    /// <summary>Name used as the key of this model's predictions.</summary>
    string Name { get; }

    /// <summary>Labels in id order.</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>The languages the model reads; a comment in another one is not given to it.</summary>
    ModelLanguages Languages => ModelLanguages.English;

    /// <summary>Equal for models that encode every text alike (same tokenizer files and truncation): a text is encoded once per key.</summary>
    string TokenizerKey { get; }

    /// <summary>The token ids the model is fed for <paramref name="text"/>, special tokens included, truncated to the model's length.</summary>
    int[] Encode(string text);

    /// <summary>One model call: a prediction per encoded text, in order, the batch padded to its longest text.</summary>
    IReadOnlyList<Prediction> Run(IReadOnlyList<int[]> batch);
}

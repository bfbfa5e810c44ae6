namespace Orleans.Sentiment.Modeling.BuiltIn;

/// <summary>Folders of the built-in models, each in the Hugging Face layout <c>OnnxTextClassifier.Load</c> reads.</summary>
public sealed record BuiltInModelFolders(string Sentiment, string Category)
{
    /// <summary>The folder of the built-in model named <paramref name="name"/> (one of <see cref="BuiltInModels.ModelNames"/>).</summary>
    public string Folder(string name) => name switch
    {
        BuiltInModels.SentimentModelName => Sentiment,
        BuiltInModels.CategoryModelName => Category,
        _ => throw new ArgumentException($"No built-in model is named '{name}'.", nameof(name)),
    };
}

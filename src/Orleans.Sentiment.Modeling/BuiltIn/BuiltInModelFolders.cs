namespace Orleans.Sentiment.Modeling.BuiltIn;

/// <summary>Folders of the built-in models, each in the Hugging Face layout <c>OnnxTextClassifier.Load</c> reads.</summary>
public sealed record BuiltInModelFolders(string Sentiment, string Category);

namespace Orleans.Sentiment.Inference;

/// <summary>A model folder is missing a file or its files disagree; the message names the file.</summary>
public sealed class ModelFolderException(string message, Exception? inner = null) : Exception(message, inner);

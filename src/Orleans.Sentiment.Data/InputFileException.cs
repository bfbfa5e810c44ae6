namespace Orleans.Sentiment.Data;

/// <summary>An input file cannot be read at all; the message names the file and the problem.</summary>
public sealed class InputFileException(string message) : Exception(message);

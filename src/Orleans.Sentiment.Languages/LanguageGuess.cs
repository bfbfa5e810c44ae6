namespace Orleans.Sentiment.Languages;

/// <summary>A text's language: ISO 639-1 code and the detector's confidence, 0–1.</summary>
public readonly record struct LanguageGuess(string Code, double Confidence);

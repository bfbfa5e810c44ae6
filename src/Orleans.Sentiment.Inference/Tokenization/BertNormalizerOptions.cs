namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// Hugging Face's BertNormalizer settings. <c>strip_accents</c> unset follows <c>lowercase</c>, as in Hugging Face.
/// </summary>
public sealed record BertNormalizerOptions(bool CleanText = true, bool HandleChineseChars = true, bool? StripAccents = null, bool Lowercase = true)
{
    public bool StripsAccents => StripAccents ?? Lowercase;
}

namespace Orleans.Sentiment.Inference.Tokenization;

/// <summary>
/// A token matched in the raw text before any splitting (Hugging Face <c>added_tokens</c>): special tokens such as
/// <c>[SEP]</c> or <c>&lt;mask&gt;</c> typed by a user become their ids, as they do in Hugging Face. A
/// <see cref="Normalized"/> token is matched in the normalized text instead (its content normalized the same way).
/// </summary>
public sealed record AddedToken(string Content, int Id, bool Special = true, bool SingleWord = false, bool LeftStrip = false, bool RightStrip = false, bool Normalized = false);

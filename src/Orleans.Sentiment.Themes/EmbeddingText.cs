namespace Orleans.Sentiment.Themes;

/// <summary>
/// What of a comment a sentence encoder embeds for themes: the text without @handles and links. Measured on the airline
/// tweets, embedding them as they are lets the addressed airline and the link shape the vector, and the themes agree
/// less with what the complaints are about (docs/themes.md).
/// </summary>
public static class EmbeddingText
{
    public static string Of(string text)
    {
        var kept = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(chunk => !WordTokenizer.IsHandleOrLink(chunk)).ToArray();
        // A comment that is only handles and links is still embedded as it is, rather than as nothing.
        return kept.Length == 0 ? text : string.Join(' ', kept);
    }
}

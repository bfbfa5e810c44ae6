using Orleans.Sentiment.Grains;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>The rule for a comment's text wherever comments come in: present, not only blank or invisible characters, and within <c>Ingestion:MaxTextLength</c>.</summary>
internal static class CommentTextCheck
{
    /// <summary>Adds the text's problem, if any, under <paramref name="field"/>.</summary>
    public static void Add(string? text, string field, IngestionOptions limits, ErrorList errors)
    {
        if (TextContent.IsBlank(text))
        {
            errors.Add(field, "must not be empty, whitespace, or only control and format characters");
        }
        else if (text!.Length > limits.MaxTextLength)
        {
            errors.Add(field, $"is {text.Length} characters long; the maximum is {limits.MaxTextLength} (Ingestion:MaxTextLength)");
        }
    }
}

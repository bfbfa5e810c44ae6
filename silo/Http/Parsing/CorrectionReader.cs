using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// The rules of a correction body: it names its comment by exactly one of <c>id</c> or <c>text</c>, a text says
/// something, and a source is a valid id. The label's own rules are the corrections store's.
/// </summary>
internal static class CorrectionReader
{
    /// <summary>A 400 naming what is wrong, or null when the body may be stored.</summary>
    public static IResult? Check(CorrectionRequest? body)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.Id) == string.IsNullOrWhiteSpace(body.Text))
        {
            return Problems.Invalid("body", "must name the comment by exactly one of \"id\" or \"text\"");
        }

        if (body.Text is not null && TextContent.IsBlank(body.Text))
        {
            return Problems.Invalid("text", "must not be only whitespace, control or format characters");
        }

        if (body.Source is not null && !SourceKey.IsValidId(body.Source))
        {
            return Problems.Invalid("source", "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' or '-', not starting with '.'");
        }

        return null;
    }
}
